import { reservationMoved, reservesQuota } from './reservation';

it('a cart reserves while it is becoming an order, and only then', () => {
  expect(['creating', 'awaiting_approval', 'completing'].every(reservesQuota)).toBe(true);
  expect(['received', 'invalid', 'cancelling', 'completed', 'rejected', 'expired', 'failed'].some(reservesQuota)).toBe(false);
});

it('the reservation moves when a cart enters or leaves those statuses, not between them', () => {
  expect(reservationMoved('received', 'creating')).toBe(true);
  expect(reservationMoved('awaiting_approval', 'cancelling')).toBe(true);
  expect(reservationMoved('completing', 'completed')).toBe(true);
  expect(reservationMoved('creating', 'awaiting_approval')).toBe(false);
  expect(reservationMoved('awaiting_approval', 'completing')).toBe(false);
  expect(reservationMoved('cancelling', 'expired')).toBe(false);
  expect(reservationMoved('received', 'invalid')).toBe(false);
});
