import { Link, useParams } from "react-router";
import { contentLinks } from ".";
import { contentBodies } from "./pages";
import { usePageTitle } from "../../shared/ui/usePageTitle";
import { NotFoundPage } from "../../features/account/SignInPages";

/** Delivery, Returns, Contact, Privacy, Terms: one route for every page written in content/pages.tsx. */
export default function ContentPage() {
  const { slug = "" } = useParams();
  const link = contentLinks.find((c) => c.slug === slug);
  const page = link && { title: link.title, body: contentBodies[link.slug] };
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
