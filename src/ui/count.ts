/** A count as the page writes it, with thousands separated: "100,000". */
export const count = (n: number): string => n.toLocaleString('en');
