import fc from 'fast-check';

// Property tests run with a fixed seed so that a test run is reproducible; `npm run fuzz`
// explores new inputs. HOPLINT_PROPERTY_SEED picks another seed for a one-off exploration.
fc.configureGlobal({ seed: Number(process.env.HOPLINT_PROPERTY_SEED ?? 20261125) });
