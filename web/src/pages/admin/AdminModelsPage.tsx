import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { aiApi, type ModelVersion } from "../../api/ai";
import { ErrorMessage, Loading } from "../../components/Status";
import { LineChart } from "./Chart";

export default function AdminModelsPage() {
  const client = useQueryClient();
  const models = useQuery({ queryKey: ["ai", "models"], queryFn: aiApi.models, refetchInterval: 10_000 });
  const train = useMutation({ mutationFn: aiApi.train, onSuccess: () => client.invalidateQueries({ queryKey: ["ai", "models"] }) });
  if (models.isError) return <ErrorMessage error={models.error} onRetry={() => void models.refetch()} />;
  if (!models.data) return <Loading />;
  const byKind = new Map<string, ModelVersion[]>();
  for (const m of models.data) byKind.set(m.kind, [...(byKind.get(m.kind) ?? []), m]);
  return (
    <section>
      <h1>AI models</h1>
      {byKind.size === 0 && <p>No model has been trained yet; the store recommends by popularity.</p>}
      {[...byKind].map(([kind, versions]) => (
        <ModelKind key={kind} kind={kind} versions={versions} onTrain={() => train.mutate(kind)} training={train.isPending && train.variables === kind} />
      ))}
      {train.isError && <ErrorMessage error={train.error} />}
    </section>
  );
}

function ModelKind({ kind, versions, onTrain, training }: { kind: string; versions: ModelVersion[]; onTrain: () => void; training: boolean }) {
  const sorted = [...versions].sort((a, b) => a.version - b.version);
  const active = sorted.find((v) => v.active);
  const k = sorted[0]?.metrics.k ?? 10;
  return (
    <section className="panel" aria-labelledby={`model-${kind}`}>
      <h2 id={`model-${kind}`}>{kind}</h2>
      <p>
        Active version: {active ? `v${active.version}, trained ${new Date(active.trainedAt).toLocaleString("en-GB")}` : "none (popularity fallback)"}
      </p>
      <button type="button" className="button secondary" onClick={onTrain} disabled={training}>
        {training ? "Training…" : "Train now"}
      </button>
      <LineChart
        title={`${kind}: metrics at ${k} by version`}
        labels={sorted.map((v) => `v${v.version}`)}
        max={1}
        series={[
          { name: `precision@${k}`, values: sorted.map((v) => v.metrics.precisionAtK), color: "#1d4ed8" },
          { name: `recall@${k}`, values: sorted.map((v) => v.metrics.recallAtK), color: "#047857" },
          { name: `NDCG@${k}`, values: sorted.map((v) => v.metrics.ndcgAtK), color: "#b45309" },
          { name: `baseline precision@${k}`, values: sorted.map((v) => v.metrics.baselinePrecisionAtK ?? 0), color: "#6b7280" },
        ]}
      />
      <table>
        <caption className="visually-hidden">{kind} versions</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Trained</th>
            <th scope="col">Precision@{k}</th>
            <th scope="col">Recall@{k}</th>
            <th scope="col">NDCG@{k}</th>
            <th scope="col">Baseline P@{k}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((v) => (
            <tr key={v.version} aria-current={v.active ? "true" : undefined}>
              <th scope="row">v{v.version}{v.active ? " (active)" : ""}</th>
              <td>{new Date(v.trainedAt).toLocaleDateString("en-GB")}</td>
              <td>{v.metrics.precisionAtK.toFixed(3)}</td>
              <td>{v.metrics.recallAtK.toFixed(3)}</td>
              <td>{v.metrics.ndcgAtK.toFixed(3)}</td>
              <td>{v.metrics.baselinePrecisionAtK?.toFixed(3) ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
