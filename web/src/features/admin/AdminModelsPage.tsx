import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { aiApi, type ModelDrift, type ModelsOverview, type ModelVersionSummary } from "../catalog";
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
  const drift = useQuery({ queryKey: modelKeys.drift(), queryFn: aiApi.drift, refetchInterval: 60_000, retry: false });
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
      <TrainingAlerts overview={models.data} />
      <p data-testid="risk-scorer">
        Risk is scored by {models.data.riskScorer.source === "model" ? `the trained model v${models.data.riskScorer.version}` : "rules"}: {models.data.riskScorer.reason}.
      </p>
      <RiskInUse days={7} />
      <RiskInUse days={365} />
      {[...byKind].map(([kind, versions]) => (
        <ModelKind key={kind} kind={kind} versions={versions} drift={drift.data?.models.find((d) => d.kind === kind)} />
      ))}
    </section>
  );
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

/** The dashboard's alert, in the page: a model whose last training failed (health Degraded) or was kept out as worse. */
export function TrainingAlerts({ overview }: { overview: ModelsOverview }) {
  const raised = overview.alerts.filter((a) => a.alert);
  if (raised.length === 0) return <p role="status">Training alerts: none (health {overview.health}).</p>;
  return (
    <div className="error" role="alert" data-testid="training-alerts">
      <p>
        Training alerts (health {overview.health}; the serving models keep answering):
      </p>
      <ul>
        {raised.map((a) => (
          <li key={a.kind}>
            {a.kind}: last training{a.version ? ` v${a.version}` : ""} {a.status === "failed" ? "failed" : "was worse and kept out"} on{" "}
            {new Date(a.at).toLocaleString("en-GB")}: {a.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * What the risk model does to real orders (from Orders, last 30 days): the share held for review and its precision on
 * the orders people decided, a rejection counting as a true positive. Reads nothing when Orders cannot answer.
 */
export function RiskInUse({ days = 30 }: { days?: number }) {
  const summary = useQuery({ queryKey: adminOrderKeys.riskSummary(days), queryFn: () => ordersApi.riskSummary(days), retry: false });
  if (!summary.data) return null;
  const s = summary.data;
  return (
    <section className="panel" aria-labelledby={`risk-in-use-${days}`}>
      <h2 id={`risk-in-use-${days}`}>Risk model in use (last {s.days} days)</h2>
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

const metricName = (kind: string) => (kind === "risk" ? "AUC" : "NDCG@10");

const decisionText = (v: ModelVersionSummary) =>
  v.status === "failed" ? `failed: ${v.error ?? v.decision}` : v.status === "rejected" ? `kept serving model (worse): ${v.decision}` : v.decision;

/** "orders 11,887 · customers 250": the counts a training learned from, as the trainer stored them. */
export function dataSizeText(size: unknown): string {
  if (typeof size !== "object" || size === null) return "—";
  const parts = Object.entries(size as Record<string, unknown>).filter((e): e is [string, number] => typeof e[1] === "number");
  return parts.length ? parts.map(([k, n]) => `${k} ${n.toLocaleString("en-GB")}`).join(" · ") : "—";
}

function ModelKind({ kind, versions, drift }: { kind: string; versions: ModelVersionSummary[]; drift?: ModelDrift }) {
  const sorted = [...versions].sort((a, b) => a.version - b.version);
  const trained = sorted.filter((v) => v.status !== "failed");
  const serving = sorted.find((v) => v.serving) ?? trained[trained.length - 1];
  const baseline = trained.map((v) => baselineNdcg(v));
  const rows = serving ? metricRows(serving) : [];
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r.values)))];
  const metric = metricName(kind);
  return (
    <section className="panel" aria-labelledby={`model-${kind}`}>
      <h2 id={`model-${kind}`}>{kind}</h2>
      <LineChart
        title={`${kind}: ${metric} by version`}
        labels={trained.map((v) => `v${v.version}`)}
        series={[
          { name: metric, values: trained.map((v) => v.primaryMetric), color: "#1d4ed8" },
          ...(baseline.every((b) => b !== undefined) ? [{ name: "popularity baseline", values: baseline as number[], color: "#6b7280" }] : []),
        ]}
      />
      {/* A heading rather than a caption: a stacked table's caption would be squeezed to one word a line on a phone. */}
      <h3 id={`runs-${kind}`}>Training runs of the {kind} (candidate against the serving model on the same holdout)</h3>
      <table className="admin-table stack" aria-labelledby={`runs-${kind}`}>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Trained</th>
            <th scope="col">Training time</th>
            <th scope="col">Data</th>
            <th scope="col">Candidate {metric}</th>
            <th scope="col">Serving {metric}</th>
            <th scope="col">Decision</th>
          </tr>
        </thead>
        <tbody>
          {[...sorted].reverse().map((v) => (
            <tr key={v.version} aria-current={v.serving ? "true" : undefined} data-testid={`run-${kind}-${v.version}`}>
              <th scope="row">
                v{v.version}
                {v.serving ? " (serving)" : ""}
              </th>
              <td data-label="Trained">{new Date(v.trainedAt).toLocaleString("en-GB")}</td>
              <td data-label="Training time">{v.trainingSeconds ? `${v.trainingSeconds.toFixed(1)} s` : "—"}</td>
              <td data-label="Data">{dataSizeText(v.dataSize)}</td>
              <td data-label={`Candidate ${metric}`}>{v.status === "failed" ? "—" : `${v.primaryMetric.toFixed(3)} (${v.algorithm})`}</td>
              <td data-label={`Serving ${metric}`}>{v.servingMetric == null ? "—" : `${v.servingMetric.toFixed(3)} (v${v.servingVersion})`}</td>
              <td data-label="Decision">{decisionText(v)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {drift && <DriftTable drift={drift} />}
      {serving && rows.length > 0 && (
        <>
          <h3 id={`evaluation-${kind}`}>Evaluation of v{serving.version} on its holdout</h3>
          <table className="admin-table stack" aria-labelledby={`evaluation-${kind}`}>
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
                    <td key={c} data-label={c}>
                      {r.values[c] === undefined ? "—" : Number.isInteger(r.values[c]) ? r.values[c] : r.values[c]?.toFixed(3)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/** PSI per input since the serving version was trained: below 0.1 stable, to 0.25 watch, above drifted. */
function DriftTable({ drift }: { drift: ModelDrift }) {
  return (
    <>
      <h3 id={`drift-${drift.kind}-title`}>
        Input drift since v{drift.version} was trained ({drift.liveOrders} orders since; PSI: under 0.1 stable, 0.1–0.25 watch, over 0.25 drifted)
      </h3>
      <table className="admin-table stack" data-testid={`drift-${drift.kind}`} aria-labelledby={`drift-${drift.kind}-title`}>
        <thead>
          <tr>
            <th scope="col">Input</th>
            <th scope="col">PSI</th>
            <th scope="col">Reading</th>
            <th scope="col">Values at training / since</th>
          </tr>
        </thead>
        <tbody>
          {drift.features.map((f) => (
            <tr key={f.name}>
              <th scope="row">{f.name}</th>
              <td data-label="PSI">{f.psi == null ? "—" : f.psi.toFixed(3)}</td>
              <td data-label="Reading">{f.state === "too few" ? "too few values since training to tell" : f.state}</td>
              <td data-label="Values at training / since">
                {f.trainingCount.toLocaleString("en-GB")} / {f.liveCount.toLocaleString("en-GB")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
