import "@testing-library/jest-dom/vitest";
import { afterEach } from "vitest";
import { cleanup, configure } from "@testing-library/react";

// CI runs this suite beside the whole-system tests on two cores: a page that loads its cart, quote and payment
// methods before it shows a form can take longer than the library's 1 s default to appear there. Waiting longer
// changes no assertion; it only stops a busy machine from failing a test that would pass.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
  localStorage.clear();
});
