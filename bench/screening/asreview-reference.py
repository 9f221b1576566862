"""ASReview's default model (v1: TF-IDF, naive Bayes, DoubleBalance, max query) rebuilt on the real scikit-learn.

The peer for bench/screening/compare.ts: it reads a labelled CSV and the starting records chosen by ExoAtlas's seed,
simulates screening one record at a time and prints the order as JSON, so both orders are scored by the same code.
Usage: python3 asreview-reference.py FILE.csv LABEL_COLUMN '[[a, b], ...]' (one starting pair per run).
Needs Debian's python3-sklearn. The components are scikit-learn's own; the balance and query follow
asreview/models/balance/double.py and asreview/models/query/max.py (ASReview 1.x defaults: a 2.155, alpha 0.94,
b 0.789, beta 1.0; MultinomialNB alpha 3.822; TfidfVectorizer defaults; text = title + " " + abstract).
"""
import csv
import json
import math
import sys

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.naive_bayes import MultinomialNB

A, ALPHA, B, BETA = 2.155, 0.94, 0.789, 1.0


def random_round(value, rng):
    base = int(math.floor(value))
    return base + 1 if rng.random_sample() < value - base else base


def fill_training(src, n_train, rng):
    n_copy = n_train // len(src)
    n_sample = n_train - n_copy * len(src)
    return np.append(np.tile(src, n_copy), rng.choice(src, n_sample, replace=False))


def double_balance(train_idx, y, rng):
    ones = train_idx[y[train_idx] == 1]
    zeros = train_idx[y[train_idx] == 0]
    n_one, n_zero = len(ones), len(zeros)
    n_train = n_one + n_zero
    w_one = A * (n_one / n_zero) ** -ALPHA
    w_zero = 1 - (1 - B) * (1 + math.log(n_train)) ** -BETA
    n_one_train = random_round(w_one * n_one * n_train / (w_one * n_one + w_zero * n_zero), rng)
    n_one_train = max(1, min(n_train - 2, n_one_train))
    idx = np.concatenate([fill_training(ones, n_one_train, rng), fill_training(zeros, n_train - n_one_train, rng)])
    rng.shuffle(idx)
    return idx


def simulate(x, y, start, seed):
    rng = np.random.RandomState(seed)
    n = len(y)
    order = list(start)
    pool = np.ones(n, dtype=bool)
    pool[list(start)] = False
    while len(order) < n:
        labelled = np.array(order)
        idx = double_balance(labelled, y, rng)
        model = MultinomialNB(alpha=3.822).fit(x[idx], y[idx])
        candidates = np.flatnonzero(pool)
        proba = model.predict_proba(x[candidates])[:, 1]
        pick = int(candidates[int(np.argmax(proba))])
        pool[pick] = False
        order.append(pick)
    return order


def main():
    path, label_column, starts = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
    with open(path, newline='', encoding='utf-8-sig') as f:
        rows = list(csv.DictReader(f))
    texts = [(r.get('title') or '') + ' ' + (r.get('abstract') or '') for r in rows]
    y = np.array([1 if (r.get(label_column) or '').strip() == '1' else 0 for r in rows])
    x = TfidfVectorizer().fit_transform(texts)
    print(json.dumps({'rows': len(rows), 'orders': [simulate(x, y, s, k + 1) for k, s in enumerate(starts)]}))


main()
