import { Link } from "react-router";
import { brand } from "../../../shared/brand/brand";

/**
 * The home page's banner: the brand's colours and a drawing made of shapes (no image to download, so nothing to wait
 * for and nothing to shift), at a fixed height on every screen.
 */
export function Hero() {
  return (
    <section className="hero" aria-labelledby="hero-heading">
      <div className="hero-text">
        <p className="hero-kicker">{brand.tagline}</p>
        <h1 id="hero-heading">Everything for the home, delivered</h1>
        <p className="hero-lede">Kitchen, lighting and garden favourites, with free standard delivery on orders over £50.</p>
        <Link to="/catalog" className="button hero-button">
          Browse the catalog
        </Link>
      </div>
      <HeroDrawing />
    </section>
  );
}

/** A parcel, a mug and a lamp on a shelf, in the brand's colours. */
function HeroDrawing() {
  return (
    <svg className="hero-art" viewBox="0 0 240 180" aria-hidden="true" focusable="false">
      <circle cx="150" cy="80" r="70" fill="var(--brand-ink)" opacity="0.12" />
      <rect x="20" y="150" width="210" height="8" rx="4" fill="var(--brand-ink)" opacity="0.85" />
      {/* The parcel. */}
      <rect x="36" y="88" width="76" height="62" rx="4" fill="#f59e0b" />
      <rect x="68" y="88" width="12" height="62" fill="#fcd34d" />
      <path d="M36 104h76" stroke="#b45309" strokeWidth="2" />
      {/* The mug. */}
      <rect x="124" y="112" width="34" height="38" rx="5" fill="var(--brand-ink)" />
      <path d="M158 120a9 9 0 0 1 0 20" fill="none" stroke="var(--brand-ink)" strokeWidth="5" />
      <path d="M133 104c0-6 6-6 6-12M145 104c0-6 6-6 6-12" fill="none" stroke="var(--brand-ink)" strokeWidth="3" strokeLinecap="round" opacity="0.7" />
      {/* The lamp. */}
      <path d="M182 70h36l10 30h-56z" fill="#fcd34d" />
      <rect x="197" y="100" width="6" height="42" fill="var(--brand-ink)" />
      <rect x="184" y="142" width="32" height="8" rx="3" fill="var(--brand-ink)" />
    </svg>
  );
}
