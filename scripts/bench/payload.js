/**
 * A realistic delivery: an order as a shop or payment system would post it, padded to the wanted
 * size with a free-text note. Each request gets its own `order.id`, so an audit can match every
 * accepted request to exactly one execution. The JSON is built once and the id spliced in, so
 * building a request costs the load generator next to nothing.
 */
const MARK = '__ORDER_ID__';

function orderTemplate() {
  return {
    event: 'order.created',
    order: {
      id: MARK,
      number: 'SO-2024-118204',
      createdAt: '2024-05-14T09:31:27.000Z',
      currency: 'EUR',
      total: 184.7,
      status: 'paid',
      customer: { id: 'cus_8842', name: 'Jane Doe', email: 'jane.doe@example.com', phone: '+49 30 1234567' },
      shipping: { street: '12 Market Street', city: 'Berlin', zip: '10115', country: 'DE', method: 'standard' },
      items: [
        { sku: 'TSHIRT-BLK-M', name: 'T-shirt, black, M', quantity: 2, price: 19.9 },
        { sku: 'MUG-WHT', name: 'Mug, white', quantity: 1, price: 12.5 },
        { sku: 'HOODIE-GRY-L', name: 'Hoodie, grey, L', quantity: 1, price: 59.9 },
        { sku: 'CAP-NVY', name: 'Cap, navy', quantity: 3, price: 24.15 },
      ],
      payment: { provider: 'card', last4: '4242', authorizedAt: '2024-05-14T09:31:30.000Z' },
      tags: ['web', 'returning-customer'],
    },
    note: '',
  };
}

/** Returns `make(id)` producing bodies of about `size` bytes (ids of equal length give equal sizes). */
function orderBodies(size, idLength = 24) {
  const template = orderTemplate();
  const base = JSON.stringify(template).length - MARK.length + idLength;
  template.note = 'n'.repeat(Math.max(0, size - base));
  const [before, after] = JSON.stringify(template).split(MARK);
  return (id) => before + id + after;
}

module.exports = { orderBodies };
