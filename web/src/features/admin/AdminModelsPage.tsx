import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { aiApi, type ModelVersionSummary } from "../catalog";
import { ordersApi } from "../orders";
import { ErrorMessage, Loading } from "../../shared/ui/Status";
import { LineChart } from "./Chart";
import { baselineNdcg, metricRows } from "./modelMetrics";
import { usePageTitle } from "../../shared/ui/usePageTitle";
import { adminOrderKeys, modelKeys } from "./queryKeys";

export default function AdminModelsPage() {
  usePageTitle("Models · Admin");
  const client = useQueryClient();
  const models = useQuery({ queryKey: modelKeys.all, queryFn: aiApi.models, refetchInterval: 15_000 });
  const train = useMutation({ mutationFn: aiApi.train, onSuccess: () => client.invalidateQueries({ queryKey: modelKeys.all }) });
  if (models.isError) return <ErrorMessage error={models.error} onRetry={() => void models.refetch()} />;
  if (!models.data) return <Loading />;
  const byKind = new Map<string, ModelVersionSummary[]>();
  for (const m of models.data.history) byKind.set(m.kind, [...(byKind.get(m.kind) ?? []), m]);
  return (
    <section>
      <h1>AI models</h1>
      <p>
        Serving: recommender v{models.data.recommenderVersion || "—"}, risk v{models.data.riskVersion || "—"}. Without a model the store recommends by
        popularity.
      </p>
      <button type="button" className="button secondary" onClick={() => train.mutate()} disabled={train.isPending}>
        {train.isPending ? "Training…" : "Train now"}
      </button>
      <p role="status">{train.data ? train.data.outcomes.map((o) => `${o.kind}: ${o.decision}`).join("; ") : ""}</p>
      {train.isError && <ErrorMessage error={train.error} />}
      <RiskInUse />
      {[...byKind].map(([kind, versions]) => (
        <ModelKind key={kind} kind={kind} versions={versions} />
      ))}
    </section>
  );
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

/**
 * What the risk model does to real orders (from Orders, last 30 days): the share held for review and its precision on
 * the orders people decided, a rejection counting as a true positive. Reads nothing when Orders cannot answer.
 */
export function RiskInUse() {
  const summary = useQuery({ queryKey: adminOrderKeys.riskSummary(), queryFn: () => ordersApi.riskSummary(30), retry: false });
  if (!summary.data) return null;
  const s = summary.data;
  return (
    <section className="panel" aria-labelledby="risk-in-use">
      <h2 id="risk-in-use">Risk model in use (last {s.days} days)</h2>
      <dl data-testid="risk-summary">
        <dt>Orders held for review</dt>
        <dd>
          {s.held} of {s.orders} ({s.orders === 0 ? "—" : percent(s.heldShare)}) at a hold threshold of {s.holdThreshold}
        </dd>
        <dt>Precision on reviewed orders</dt>
        <dd>
          {s.precision == null ? "No reviews decided yet" : `${percent(s.precision)} (${s.rejected} rejected of ${s.approved + s.rejected} decided)`}
        </dd>
        <dt>Still waiting / cancelled undecided</dt>
        <dd>
          {s.waiting} / {s.expired}
        </dd>
        <dt>Not scored (AI unavailable: placed without a hold)</dt>
        <dd>{s.unscored}</dd>
      </dl>
    </section>
  );
}

function ModelKind({ kind, versions }: { kind: string; versions: ModelVersionSummary[] }) {
  const sorted = [...versions].sort((a, b) => a.version - b.version);
  const serving = sorted.find((v) => v.serving) ?? sorted[sorted.length - 1];
  const baseline = sorted.map((v) => baselineNdcg(v));
  const rows = serving ? metricRows(serving) : [];
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r.values)))];
  return (
    <section className="panel" aria-labelledby={`model-${kind}`}>
      <h2 id={`model-${kind}`}>{kind}</h2>
      <LineChart
        title={`${kind}: primary metric by version`}
        labels={sorted.map((v) => `v${v.version}`)}
        series={[
          { name: "primary metric", values: sorted.map((v) => v.primaryMetric), color: "#1d4ed8" },
          ...(baseline.every((b) => b !== undefined) ? [{ name: "popularity baseline", values: baseline as number[], color: "#6b7280" }] : []),
        ]}
      />
      <table>
        <caption>Versions</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Trained</th>
            <th scope="col">Algorithm</th>
            <th scope="col">Primary metric</th>
            <th scope="col">Decision</th>
          </tr>
        </thead>
        <tbody>
          {[...sorted].reverse().map((v) => (
            <tr key={v.version} aria-current={v.serving ? "true" : undefined}>
              <th scope="row">
                v{v.version}
                {v.serving ? " (serving)" : ""}
              </th>
              <td>{new Date(v.trainedAt).toLocaleString("en-GB")}</td>
              <td>{v.algorithm}</td>
              <td>{v.primaryMetric.toFixed(3)}</td>
              <td>{v.decision}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {serving && rows.length > 0 && (
        <table>
          <caption>Evaluation of v{serving.version}</caption>
          <thead>
            <tr>
              <th scope="col">Task / algorithm</th>
              {columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.name}>
                <th scope="row">{r.name}</th>
                {columns.map((c) => (
                  <td key={c}>{r.values[c] === undefined ? "—" : Number.isInteger(r.values[c]) ? r.values[c] : r.values[c]?.toFixed(3)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
