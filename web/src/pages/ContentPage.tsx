import { Link, useParams } from "react-router";
import { contentPages } from "../content/pages";
import { usePageTitle } from "../components/usePageTitle";
import { NotFoundPage } from "./SignInPages";

/** Delivery, Returns, Contact, Privacy, Terms: one route for every page written in content/pages.tsx. */
export default function ContentPage() {
  const { slug = "" } = useParams();
  const page = Object.hasOwn(contentPages, slug) ? contentPages[slug] : undefined;
  usePageTitle(page?.title ?? "Page not found");
  if (!page) return <NotFoundPage />;
  return (
    <article className="content-page">
      <h1>{page.title}</h1>
      {page.body}
      <p>
        <Link to="/catalog">Continue shopping</Link>
      </p>
    </article>
  );
}
