import { candidateWarehouses, routeLines, warehousesFor, type WarehouseRoute } from './routing';

const routes: WarehouseRoute[] = [
  { countryCode: null, provinceCode: null, locationGids: ['L-fallback'] },
  { countryCode: 'US', provinceCode: null, locationGids: ['L-east', 'L-west'] },
  { countryCode: 'US', provinceCode: 'CA', locationGids: ['L-west', 'L-east'] },
];

describe('warehousesFor', () => {
  it('takes the most specific route: province, then country, then the fallback', () => {
    expect(warehousesFor(routes, { countryCode: 'US', provinceCode: 'CA' })).toEqual(['L-west', 'L-east']);
    expect(warehousesFor(routes, { countryCode: 'us', provinceCode: 'NY' })).toEqual(['L-east', 'L-west']);
    expect(warehousesFor(routes, { countryCode: 'DE', provinceCode: null })).toEqual(['L-fallback']);
    expect(warehousesFor(routes.slice(1), { countryCode: 'DE', provinceCode: null })).toEqual([]);
  });
});

describe('candidateWarehouses', () => {
  const us = { countryCode: 'US', provinceCode: 'NY' };
  it('restricts the route to the allowed warehouses, falls back to them without a route, and is null with neither', () => {
    expect(candidateWarehouses(routes, us, null)).toEqual(['L-east', 'L-west']);
    expect(candidateWarehouses(routes, us, new Set(['L-west']))).toEqual(['L-west']);
    expect(candidateWarehouses(routes, us, new Set(['L-north']))).toEqual([]);
    expect(candidateWarehouses(routes.slice(1), { countryCode: 'DE', provinceCode: null }, new Set(['L-b', 'L-a']))).toEqual(['L-a', 'L-b']);
    expect(candidateWarehouses(routes.slice(1), { countryCode: 'DE', provinceCode: null }, null)).toBeNull();
  });
});

describe('routeLines', () => {
  const stock = new Map([
    ['I1', new Map([['L-east', 10], ['L-west', 50]])],
    ['I2', new Map([['L-west', 5]])],
  ]);

  it('sends each line to the first warehouse that still holds its whole quantity, consuming stock in line order', () => {
    const lines = [
      { inventoryItemGid: 'I1', quantity: 8 },
      { inventoryItemGid: 'I1', quantity: 8 }, // east has 2 left: west
      { inventoryItemGid: 'I2', quantity: 5 },
      { inventoryItemGid: 'I2', quantity: 1 }, // nobody has it: first warehouse, backordered
      { inventoryItemGid: null, quantity: 1 },
    ];
    expect(routeLines(lines, ['L-east', 'L-west'], stock)).toEqual([
      { locationGid: 'L-east', backordered: false },
      { locationGid: 'L-west', backordered: false },
      { locationGid: 'L-west', backordered: false },
      { locationGid: 'L-east', backordered: true },
      { locationGid: 'L-east', backordered: true },
    ]);
  });

  it('leaves lines unrouted when no route covers the destination', () => {
    expect(routeLines([{ inventoryItemGid: 'I1', quantity: 1 }], [], stock)).toEqual([{ locationGid: null, backordered: false }]);
  });
});
