// Keeps the cart in memory and asks the server for the total.
const cart = new Map();

async function refreshTotal() {
  const items = [...cart].map(([id, qty]) => ({ id, qty }));
  const res = await fetch("/api/cart", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ items }),
  });
  const { total_cents } = await res.json();
  document.getElementById("cart-total").textContent = `Cart: ${(total_cents / 100).toFixed(2)}`;
}

document.addEventListener("click", (event) => {
  const id = event.target.dataset?.product;
  if (!id) return;
  cart.set(Number(id), (cart.get(Number(id)) || 0) + 1);
  refreshTotal();
});
