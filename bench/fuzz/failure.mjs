// Turns a target run into a failure (or null) with a signature, so that minimisation keeps the
// same bug and one bug yields one reproducer.
import { problemSignature } from './positions.mjs';

function topFrame(stack) {
  const frame = stack.split('\n').find((line) => /^\s+at /.test(line));
  if (!frame) return 'no frame';
  const location = /([^/\\\s(]+\.m?js):(\d+):\d+\)?$/.exec(frame);
  return location ? `${location[1]}:${location[2]}` : frame.trim();
}

/**
 * @param {Awaited<ReturnType<import('./runner.mjs').TargetRunner['run']>>} result
 * @returns {{ kind: string, signatures: string[], detail: string } | null}
 */
export function failureOf(result) {
  switch (result.kind) {
    case 'ok': {
      const problems = result.outcome.problems;
      if (problems.length === 0) return null;
      return { kind: 'positions', signatures: [...new Set(problems.map(problemSignature))], detail: problems.join('\n') };
    }
    case 'throw': {
      const { name, message, stack } = result.error;
      const overflow = /call stack/i.test(message);
      const signature = `throw ${name}: ${problemSignature(message).slice(0, 160)}${overflow ? '' : ` @ ${topFrame(stack)}`}`;
      return { kind: 'throw', signatures: [signature], detail: stack || `${name}: ${message}` };
    }
    case 'hang':
      return { kind: 'hang', signatures: ['hang'], detail: `no result within ${result.timeoutMs} ms` };
    default:
      return { kind: 'died', signatures: [`died ${problemSignature(result.message)}`], detail: result.message };
  }
}

/** Whether `candidate` shows the failure `original` was minimised for (its first signature). */
export function isSameFailure(original, candidate) {
  return candidate !== null && candidate.signatures.includes(original.signatures[0]);
}
