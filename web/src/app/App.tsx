import { lazy } from "react";
import { Route, Routes } from "react-router";
import { Layout } from "./Layout";
import { CartPage } from "../features/cart/CartPage";
import { CatalogPage } from "../features/catalog/CatalogPage";
import { HomePage } from "../features/catalog/home/HomePage";
import { ProductPage } from "../features/catalog/product/ProductPage";
import { NotFoundPage, SignInCallbackPage, SignInPage } from "../features/account/SignInPages";
import { callbackPath } from "../shared/auth/oidc";

// The shopper's first pages load eagerly; checkout, orders, account and admin are separate chunks so the first page
// stays inside the 150 kB gzip budget (scripts/bundle-size.mjs).
const CheckoutPage = lazy(() => import("../features/checkout/CheckoutPage"));
const OrdersPage = lazy(() => import("../features/orders/OrdersPage"));
const OrderPage = lazy(() => import("../features/orders/OrderPage"));
const ContentPage = lazy(() => import("./content/ContentPage"));
const WishlistPage = lazy(() => import("../features/catalog/wishlist/WishlistPage"));
const CollectionPage = lazy(() => import("../features/catalog/CollectionPage"));
const AccountPage = lazy(() => import("../features/account/AccountPage"));
const AdminLayout = lazy(() => import("../features/admin/AdminLayout"));
const AdminProductsPage = lazy(() => import("../features/admin/AdminProductsPage"));
const AdminFamiliesPage = lazy(() => import("../features/admin/AdminFamiliesPage"));
const AdminOrdersPage = lazy(() => import("../features/admin/AdminOrdersPage"));
const AdminModelsPage = lazy(() => import("../features/admin/AdminModelsPage"));
const AdminRiskPage = lazy(() => import("../features/admin/AdminRiskPage"));
const AdminSalesPage = lazy(() => import("../features/admin/AdminSalesPage"));
const AdminShippingPage = lazy(() => import("../features/admin/AdminShippingPage"));
const AdminPromotionsPage = lazy(() => import("../features/admin/AdminPromotionsPage"));
const AdminPickListPage = lazy(() => import("../features/admin/AdminPickListPage"));
const AdminReturnsPage = lazy(() => import("../features/admin/AdminReturnsPage"));
const AdminReviewsPage = lazy(() => import("../features/admin/AdminReviewsPage"));
const AdminCollectionsPage = lazy(() => import("../features/admin/AdminCollectionsPage"));
const AdminMessagesPage = lazy(() => import("../features/admin/AdminMessagesPage"));
const AdminWebhooksPage = lazy(() => import("../features/admin/AdminWebhooksPage"));

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
