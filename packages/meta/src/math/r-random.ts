/**
 * R's default random number generator, so that a seeded permutation test draws the same permutations as
 * metafor's permutest() after set.seed(seed): Mersenne-Twister (Matsumoto & Nishimura 1998) seeded as R's
 * RNG_Init does (src/main/RNG.c), and sample() with R ≥ 3.6's "Rejection" sampling (R_unif_index).
 */
const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;
const I2_32M1 = 2.328306437080797e-10; // 1/(2^32 - 1)

export class RRandom {
  private readonly mt = new Uint32Array(N);
  private mti = N;

  /** set.seed(seed) with kind Mersenne-Twister. */
  constructor(seed: number) {
    let s = seed >>> 0;
    for (let j = 0; j < 50; j++) s = (Math.imul(69069, s) + 1) >>> 0;
    // R fills dummy[0..624]: dummy[0] is mti (then fixed to 624), dummy[1..624] the state
    s = (Math.imul(69069, s) + 1) >>> 0; // dummy[0]
    for (let j = 0; j < N; j++) {
      s = (Math.imul(69069, s) + 1) >>> 0;
      this.mt[j] = s;
    }
    this.mti = N;
  }

  private genrand(): number {
    const mt = this.mt;
    let y: number;
    if (this.mti >= N) {
      let kk = 0;
      for (; kk < N - M; kk++) {
        y = ((mt[kk]! & UPPER_MASK) | (mt[kk + 1]! & LOWER_MASK)) >>> 0;
        mt[kk] = (mt[kk + M]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0)) >>> 0;
      }
      for (; kk < N - 1; kk++) {
        y = ((mt[kk]! & UPPER_MASK) | (mt[kk + 1]! & LOWER_MASK)) >>> 0;
        mt[kk] = (mt[kk + (M - N)]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0)) >>> 0;
      }
      y = ((mt[N - 1]! & UPPER_MASK) | (mt[0]! & LOWER_MASK)) >>> 0;
      mt[N - 1] = (mt[M - 1]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0)) >>> 0;
      this.mti = 0;
    }
    y = mt[this.mti++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return (y >>> 0) * 2.3283064365386963e-10;
  }

  /** unif_rand(): a uniform draw in (0, 1). */
  unif(): number {
    const v = this.genrand();
    if (v <= 0) return 0.5 * I2_32M1;
    if (1 - v <= 0) return 1 - 0.5 * I2_32M1;
    return v;
  }

  private rbits(bits: number): number {
    let v = 0;
    for (let n = 0; n <= bits; n += 16) {
      const v1 = Math.floor(this.unif() * 65536);
      v = 65536 * v + v1;
    }
    return v % Math.pow(2, bits); // exact: v < 2^48 for the sizes used here
  }

  /** R_unif_index(dn): a uniform integer in [0, dn) by rejection sampling. */
  unifIndex(dn: number): number {
    if (dn <= 0) return 0;
    const bits = Math.ceil(Math.log2(dn));
    let dv: number;
    do {
      dv = this.rbits(bits);
    } while (dn <= dv);
    return dv;
  }

  /** sample(n): a random permutation of 0..n-1 (0-based; R's is 1-based). */
  permutation(n: number, out: Int32Array = new Int32Array(n)): Int32Array {
    const x = new Int32Array(n);
    for (let i = 0; i < n; i++) x[i] = i;
    let m = n;
    for (let i = 0; i < n; i++) {
      const j = this.unifIndex(m);
      out[i] = x[j]!;
      x[j] = x[--m]!;
    }
    return out;
  }

  /** sample(c(-1, 1), k, replace = TRUE) into `out`. */
  signs(k: number, out: Float64Array = new Float64Array(k)): Float64Array {
    for (let i = 0; i < k; i++) out[i] = this.unifIndex(2) === 0 ? -1 : 1;
    return out;
  }
}
