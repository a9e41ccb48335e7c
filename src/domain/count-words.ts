/** '1 case', '2 cases': one rule for counted words, for the screens and the command-line tools alike. */
export const countOf = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
