import { at, defineRule, type Fix, type OverlayNetwork, type RelatedLocation, type RuleKit, type Span } from '../../../src/kit/index.js';

const SOURCE_LABELS: Record<OverlayNetwork['source'], string> = {
  cni: 'CNI network',
  flannel: 'flannel',
  calico: 'Calico',
  canal: 'Canal',
  rke1: 'RKE',
  rke2: 'RKE2',
  k3s: 'K3s',
  cilium: 'Cilium',
};

/** `RKE canal`, `Calico "calico-config"`, `CNI network "cbr0"`: what a message calls the network. */
function labelOf(network: OverlayNetwork): string {
  const base = SOURCE_LABELS[network.source];
  if (network.source === 'rke1') return `${base} ${network.plugin ?? 'network'}`;
  return network.name ? `${base} "${network.name}"` : base;
}

/** Replaces just the digits of an MTU token, so `"1500"` in a ConfigMap stays a quoted string. */
function setMtuFix({ files }: RuleKit, span: Span, value: number, fitting: number): Fix | undefined {
  const text = files.textOf(span.file);
  const written = text?.slice(span.start, span.end);
  const digits = written === undefined ? undefined : /\d+/.exec(written);
  if (!digits || Number(digits[0]) !== value) return undefined;
  const start = span.start + digits.index;
  return { title: `Set the MTU to ${fitting}`, safety: 'unsafe', edits: [{ file: span.file, start, end: start + digits[0].length, text: String(fitting) }] };
}

/**
 * RKE1 `network:` without `mtu`: insert `mtu: N` on its own line after `plugin: canal`, with the
 * plugin line's indentation, so the setting lands in the same mapping.
 */
function insertRkeMtuFix({ network: networks, files }: RuleKit, network: OverlayNetwork, fitting: number): { fix?: Fix; anchor: Span } {
  const cluster = networks.rancher.find((info) => info.file === network.file && info.span.start === network.span.start);
  const plugin = cluster?.plugin;
  if (network.source !== 'rke1' || !plugin) return { anchor: network.span };
  const text = files.textOf(network.file);
  if (text === undefined) return { anchor: plugin.span };
  const lineStart = text.lastIndexOf('\n', plugin.span.start - 1) + 1;
  const indent = /^([ \t]*)plugin\s*:/.exec(text.slice(lineStart, plugin.span.start))?.[1];
  if (indent === undefined) return { anchor: plugin.span };
  const lineEnd = /\r?\n|$/.exec(text.slice(plugin.span.end))!.index + plugin.span.end;
  const newline = files.lineEndingOf(text);
  return {
    anchor: plugin.span,
    fix: { title: `Add mtu: ${fitting}`, safety: 'unsafe', edits: [{ file: network.file, start: lineEnd, end: lineEnd, text: `${newline}${indent}mtu: ${fitting}` }] },
  };
}

/** Where the encapsulation was chosen, when that is another place than the MTU (an IPPool, net-conf.json). */
function encapsulationRelated(network: OverlayNetwork): { related?: RelatedLocation[] } {
  const span = network.encapsulationSpan;
  if (!span || (network.mtu && span.file === network.mtu.span.file && span.start === network.mtu.span.start)) return {};
  const backend = network.backend && network.backend.toLowerCase() !== network.encapsulation ? ` (${network.backend})` : '';
  return { related: [{ ...at(span), message: `${network.encapsulation.toUpperCase()} encapsulation${backend} adds ${network.overheadBytes} bytes per packet` }] };
}

export default defineRule({
  meta: {
    id: 'cni/overlay-mtu',
    layer: 'cni',
    severity: 'error',
    summary: 'An overlay network (VXLAN, IPIP, WireGuard, Geneve) whose MTU plus encapsulation overhead exceeds the underlay MTU.',
    docsUrl: 'https://github.com/hoplint/hoplint/blob/main/rules/cni/overlay-mtu/README.md',
    fixable: 'unsafe',
    tags: ['reliability', 'mtu'],
  },
  check(context) {
    const { network: networks } = context;
    const declared = context.environment.underlayMtu;
    const underlay = declared ?? networks.ETHERNET_DEFAULT_MTU;
    const underlayText = declared ? `the declared underlay MTU ${underlay}` : `the underlay's ${underlay} (set environment.underlayMtu if the hosts use jumbo frames)`;
    for (const network of networks.forMtu) {
      // RKE refuses network.mtu for flannel (cni/rke-flannel-mtu); flannel sizes the MTU itself.
      if (network.source === 'rke1' && network.plugin === 'flannel') continue;
      if (!networks.isOverlay(network.encapsulation) || network.overheadBytes === 0) continue;
      const mtu = network.mtu?.value ?? network.impliedMtu;
      if (mtu === undefined || mtu + network.overheadBytes <= underlay) continue;
      const fitting = underlay - network.overheadBytes;
      const encapsulation = `${network.overheadBytes} bytes of ${network.encapsulation.toUpperCase()} encapsulation`;
      const sum = `${mtu} + ${encapsulation} = ${mtu + network.overheadBytes}, above ${underlayText}`;
      if (network.mtu) {
        const fix = setMtuFix(context, network.mtu.span, network.mtu.value, fitting);
        context.report({
          ...at(network.mtu.span),
          message: `${network.mtu.setBy} ${sum}; full-size pod packets are lost between hosts — set it to ${fitting}`,
          ...encapsulationRelated(network),
          ...(fix ? { fix } : {}),
        });
        continue;
      }
      const why = network.mtuNote ? `: ${network.mtuNote.replace(/\.$/, '')}` : '';
      const { fix, anchor } = insertRkeMtuFix(context, network, fitting);
      const where = network.source === 'rke1' ? 'network.mtu' : 'the MTU';
      context.report({
        ...at(anchor),
        message: `${labelOf(network)} leaves the pod MTU at ${mtu}${why}. ${sum}, so full-size pod packets are lost between hosts — set ${where} to ${fitting}`,
        ...encapsulationRelated(network),
        ...(fix ? { fix } : {}),
      });
    }
  },
});
