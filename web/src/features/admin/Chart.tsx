// Small dependency-free SVG charts: admin only, so they load with the admin chunk and cost the shopper nothing.

export interface Series {
  name: string;
  values: number[];
  color: string;
}

const width = 640;
const height = 240;
const pad = 36;

/** Lines over a shared x axis (e.g. model versions), with a text table alternative for screen readers. */
export function LineChart({ title, labels, series, max }: { title: string; labels: string[]; series: Series[]; max?: number }) {
  const top = max ?? Math.max(1e-9, ...series.flatMap((s) => s.values));
  const x = (i: number) => pad + (labels.length <= 1 ? (width - 2 * pad) / 2 : (i * (width - 2 * pad)) / (labels.length - 1));
  const y = (v: number) => height - pad - (v / top) * (height - 2 * pad);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
        <line x1={pad} y1={height - pad} x2={width - pad} y2={height - pad} stroke="#555" />
        <line x1={pad} y1={pad} x2={pad} y2={height - pad} stroke="#555" />
        <text x={4} y={pad} fontSize="11">{top.toFixed(2)}</text>
        {labels.map((l, i) => (
          <text key={l} x={x(i)} y={height - pad + 16} fontSize="11" textAnchor="middle">
            {l}
          </text>
        ))}
        {series.map((s) => (
          <g key={s.name}>
            <polyline fill="none" stroke={s.color} strokeWidth={2} points={s.values.map((v, i) => `${x(i)},${y(v)}`).join(" ")} />
            {s.values.map((v, i) => (
              <circle key={i} cx={x(i)} cy={y(v)} r={3} fill={s.color} />
            ))}
          </g>
        ))}
      </svg>
      <figcaption>
        {title}:{" "}
        {series.map((s) => (
          <span key={s.name} className="legend">
            <span style={{ background: s.color }} aria-hidden="true" /> {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

/** Vertical bars, one per label. */
export function BarChart({ title, labels, values, color = "#1d4ed8" }: { title: string; labels: string[]; values: number[]; color?: string }) {
  const top = Math.max(1e-9, ...values);
  const band = (width - 2 * pad) / Math.max(1, values.length);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
        <line x1={pad} y1={height - pad} x2={width - pad} y2={height - pad} stroke="#555" />
        <text x={4} y={pad} fontSize="11">{top.toFixed(0)}</text>
        {values.map((v, i) => {
          const h = (v / top) * (height - 2 * pad);
          return <rect key={i} x={pad + i * band + 1} y={height - pad - h} width={Math.max(1, band - 2)} height={h} fill={color}><title>{`${labels[i]}: ${v}`}</title></rect>;
        })}
        {labels.length > 0 && (
          <>
            <text x={pad} y={height - pad + 16} fontSize="11">{labels[0]}</text>
            <text x={width - pad} y={height - pad + 16} fontSize="11" textAnchor="end">{labels[labels.length - 1]}</text>
          </>
        )}
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}
