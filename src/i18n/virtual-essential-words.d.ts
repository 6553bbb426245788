declare module 'virtual:essential-words' {
  const words: Record<string, Record<string, unknown>>;
  export default words;
}
