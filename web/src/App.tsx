import { lazy } from "react";
import { Route, Routes } from "react-router";
import { Layout } from "./components/Layout";
import { CartPage } from "./pages/CartPage";
import { CatalogPage } from "./pages/CatalogPage";
import { HomePage } from "./pages/HomePage";
import { ProductPage } from "./pages/ProductPage";
import { NotFoundPage, SignInCallbackPage, SignInPage } from "./pages/SignInPages";
import { callbackPath } from "./auth/oidc";

// The shopper's first pages load eagerly; checkout, orders, account and admin are separate chunks so the first page
// stays inside the 150 kB gzip budget (scripts/bundle-size.mjs).
const CheckoutPage = lazy(() => import("./pages/CheckoutPage"));
const OrdersPage = lazy(() => import("./pages/OrdersPage"));
const OrderPage = lazy(() => import("./pages/OrderPage"));
const ContentPage = lazy(() => import("./pages/ContentPage"));
const WishlistPage = lazy(() => import("./pages/WishlistPage"));
const CollectionPage = lazy(() => import("./pages/CollectionPage"));
const AccountPage = lazy(() => import("./pages/account/AccountPage"));
const AdminLayout = lazy(() => import("./pages/admin/AdminLayout"));
const AdminProductsPage = lazy(() => import("./pages/admin/AdminProductsPage"));
const AdminFamiliesPage = lazy(() => import("./pages/admin/AdminFamiliesPage"));
const AdminOrdersPage = lazy(() => import("./pages/admin/AdminOrdersPage"));
const AdminModelsPage = lazy(() => import("./pages/admin/AdminModelsPage"));
const AdminRiskPage = lazy(() => import("./pages/admin/AdminRiskPage"));
const AdminSalesPage = lazy(() => import("./pages/admin/AdminSalesPage"));
const AdminShippingPage = lazy(() => import("./pages/admin/AdminShippingPage"));
const AdminPromotionsPage = lazy(() => import("./pages/admin/AdminPromotionsPage"));
const AdminPickListPage = lazy(() => import("./pages/admin/AdminPickListPage"));
const AdminReturnsPage = lazy(() => import("./pages/admin/AdminReturnsPage"));
const AdminReviewsPage = lazy(() => import("./pages/admin/AdminReviewsPage"));
const AdminCollectionsPage = lazy(() => import("./pages/admin/AdminCollectionsPage"));
const AdminMessagesPage = lazy(() => import("./pages/admin/AdminMessagesPage"));
const AdminWebhooksPage = lazy(() => import("./pages/admin/AdminWebhooksPage"));

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="catalog" element={<CatalogPage />} />
        <Route path="products/:idOrSlug" element={<ProductPage />} />
        <Route path="collections/:slug" element={<CollectionPage />} />
        <Route path="cart" element={<CartPage />} />
        <Route path="wishlist" element={<WishlistPage />} />
        <Route path="checkout" element={<CheckoutPage />} />
        <Route path="orders" element={<OrdersPage />} />
        <Route path="orders/:id" element={<OrderPage />} />
        {/* /account belongs to the Auth service (its sign-in pages, proxied by the gateway); the shopper's page is /my-account. */}
        <Route path="my-account" element={<AccountPage />} />
        <Route path="help/:slug" element={<ContentPage />} />
        <Route path="signin" element={<SignInPage />} />
        <Route path={callbackPath.slice(1)} element={<SignInCallbackPage />} />
        <Route path="admin" element={<AdminLayout />}>
          <Route index element={<AdminProductsPage />} />
          <Route path="families" element={<AdminFamiliesPage />} />
          <Route path="orders" element={<AdminOrdersPage />} />
          <Route path="pick-list" element={<AdminPickListPage />} />
          <Route path="returns" element={<AdminReturnsPage />} />
          <Route path="risk" element={<AdminRiskPage />} />
          <Route path="reviews" element={<AdminReviewsPage />} />
          <Route path="collections" element={<AdminCollectionsPage />} />
          <Route path="models" element={<AdminModelsPage />} />
          <Route path="sales" element={<AdminSalesPage />} />
          <Route path="shipping" element={<AdminShippingPage />} />
          <Route path="promotions" element={<AdminPromotionsPage />} />
          <Route path="messages" element={<AdminMessagesPage />} />
          <Route path="webhooks" element={<AdminWebhooksPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
