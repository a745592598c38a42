// PostGraphile 5 calls Promise.withResolvers (Node 22+); the benchmark runs on Node 20. Loaded with --require.
Promise.withResolvers ??= function withResolvers() {
  let resolve, reject;
  const promise = new this((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};
