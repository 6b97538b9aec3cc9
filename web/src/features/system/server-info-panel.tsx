import { useServerInfo } from "./use-server-info";

export function ServerInfoPanel() {
  const { data, loading, error } = useServerInfo();
  if (loading) return <p aria-busy="true">Loading…</p>;
  if (error !== undefined) return <p role="alert">Clavis is not reachable: {error.message}</p>;
  const info = data?.serverInfo;
  if (info === undefined) return null;
  return (
    <dl>
      <dt>Issuer</dt>
      <dd><code>{info.issuer}</code></dd>
      <dt>Token endpoint</dt>
      <dd><code>{info.tokenEndpoint}</code></dd>
      <dt>Tenant header</dt>
      <dd><code>{info.tenantHeader}</code></dd>
      <dt>Version</dt>
      <dd>{info.version}</dd>
    </dl>
  );
}
