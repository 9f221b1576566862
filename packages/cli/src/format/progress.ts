/** A one-line progress indicator on a terminal's stderr; silent when output is piped. */
export function progressReporter(write: (s: string) => void, isTTY: boolean, label: string): { update(n: number): void; done(): void } {
  if (!isTTY) return { update() {}, done() {} };
  let last = 0;
  const started = Date.now();
  return {
    update(n) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      const rate = n / Math.max((now - started) / 1000, 0.001);
      write(`\r${label}: ${n.toLocaleString('en')} records (${Math.round(rate).toLocaleString('en')}/s)   `);
    },
    done() {
      write('\r\u001b[2K');
    },
  };
}
