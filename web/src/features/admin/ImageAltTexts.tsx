import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { productKeys, productsApi, type GalleryImage } from "../catalog";
import { ProductPicture } from "../../shared/ui/ProductPicture";
import { AdminField, fieldErrorOf } from "./AdminField";

/**
 * Each uploaded image of a product with its alt text: what a screen reader says for the picture on the product page
 * (the product's name when left blank). A generated illustration has no id and no alt text of its own, so it is not listed.
 */
export function ImageAltTexts({ productId, gallery }: { productId: string; gallery: GalleryImage[] }) {
  const uploads = gallery.filter((image): image is GalleryImage & { id: string } => Boolean(image.id));
  return (
    <ul className="image-alts">
      {uploads.map((image, i) => (
        <ImageAltRow key={image.id} productId={productId} image={image} number={i + 1} />
      ))}
    </ul>
  );
}

function ImageAltRow({ productId, image, number }: { productId: string; image: GalleryImage & { id: string }; number: number }) {
  const client = useQueryClient();
  const [alt, setAlt] = useState(image.alt ?? "");
  const save = useMutation({
    mutationFn: () => productsApi.setImageAlt(productId, image.id, alt),
    onSuccess: () => client.invalidateQueries({ queryKey: productKeys.all }),
  });
  const id = `image-alt-${image.id}`;
  return (
    <li className="image-alt">
      <ProductPicture image={image} renditions={["thumb"]} sizes="4rem" alt="" blank />
      <AdminField id={id} label={`Alt text of image ${number}`} error={fieldErrorOf(save.error)("alt")} hint="Blank: the product's name is read out.">
        {(described) => <input id={id} maxLength={250} value={alt} onChange={(e) => setAlt(e.target.value)} {...described} />}
      </AdminField>
      <button type="button" className="button secondary" disabled={save.isPending} onClick={() => save.mutate()}>
        {save.isPending ? "Saving…" : `Save alt text of image ${number}`}
      </button>
      {save.isSuccess && <span role="status">Saved</span>}
    </li>
  );
}
