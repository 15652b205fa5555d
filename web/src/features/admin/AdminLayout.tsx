import { NavLink, Outlet } from "react-router";
import { RequireRole } from "../../shared/ui/RequireRole";

export default function AdminLayout() {
  return (
    <RequireRole role="admin">
      <div className="admin">
        <nav aria-label="Admin" className="admin-nav">
          <NavLink to="/admin" end>
            Products
          </NavLink>
          <NavLink to="/admin/families">Families</NavLink>
          <NavLink to="/admin/orders">Orders</NavLink>
          <NavLink to="/admin/pick-list">Pick list</NavLink>
          <NavLink to="/admin/returns">Returns</NavLink>
          <NavLink to="/admin/risk">Risk review</NavLink>
          <NavLink to="/admin/reviews">Reviews</NavLink>
          <NavLink to="/admin/collections">Collections</NavLink>
          <NavLink to="/admin/shipping">Shipping</NavLink>
          <NavLink to="/admin/messages">Messages</NavLink>
          <NavLink to="/admin/webhooks">Webhooks</NavLink>
          <NavLink to="/admin/promotions">Promotions</NavLink>
          <NavLink to="/admin/models">AI models</NavLink>
          <NavLink to="/admin/sales">Sales</NavLink>
        </nav>
        <div className="admin-content">
          <Outlet />
        </div>
      </div>
    </RequireRole>
  );
}
