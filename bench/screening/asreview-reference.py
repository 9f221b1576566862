"""ASReview's default models rebuilt on the real scikit-learn: version 1's (TF-IDF, naive Bayes, DoubleBalance, max
query; `nb-double`, the default here) and version 2's ELAS u4 (`elas-u4`: TF-IDF with word pairs, linear SVM, Balanced).

The peer for bench/screening/compare.ts: it reads a labelled CSV and the starting records chosen by ExoAtlas's seed,
simulates screening one record at a time and prints the order as JSON, so both orders are scored by the same code.
Usage: python3 asreview-reference.py FILE.csv LABEL_COLUMN '[[a, b], ...]' [nb-double|elas-u4] (one starting pair per run).
Needs Debian's python3-sklearn. The components are scikit-learn's own; the balance and query follow
asreview/models/balance/double.py and asreview/models/query/max.py (ASReview 1.x defaults: a 2.155, alpha 0.94,
b 0.789, beta 1.0; MultinomialNB alpha 3.822; TfidfVectorizer defaults; text = title + " " + abstract). ELAS u4
follows asreview/models/models.py and balancers.py of ASReview 2 (TfidfVectorizer ngram_range (1, 2), sublinear_tf,
max_df 0.95; LinearSVC C 0.11, squared hinge; sample weights 1 for includes and n1 / (9.8 n0) for excludes, scaled to
sum to n; records ranked by the decision function).
"""
import csv
import json
import math
import sys

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.naive_bayes import MultinomialNB
from sklearn.svm import LinearSVC

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


def balanced_weights(labels, ratio=9.8):
    n1 = labels.sum()
    n0 = len(labels) - n1
    w = np.where(labels == 1, 1.0, n1 / (ratio * n0))
    return w * (len(labels) / w.sum())


def elas_u4(x, y, labelled, seed):
    labels = y[labelled]
    model = LinearSVC(C=0.11, loss='squared_hinge', random_state=seed)
    return model.fit(x[labelled], labels, sample_weight=balanced_weights(labels)).decision_function


def nb_double(x, y, labelled, rng):
    idx = double_balance(labelled, y, rng)
    model = MultinomialNB(alpha=3.822).fit(x[idx], y[idx])
    return lambda rows: model.predict_proba(rows)[:, 1]


def simulate(x, y, start, seed, model_name):
    rng = np.random.RandomState(seed)
    n = len(y)
    order = list(start)
    pool = np.ones(n, dtype=bool)
    pool[list(start)] = False
    while len(order) < n:
        labelled = np.array(order)
        score = elas_u4(x, y, labelled, seed) if model_name == 'elas-u4' else nb_double(x, y, labelled, rng)
        candidates = np.flatnonzero(pool)
        pick = int(candidates[int(np.argmax(score(x[candidates])))])
        pool[pick] = False
        order.append(pick)
    return order


def main():
    path, label_column, starts = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
    model_name = sys.argv[4] if len(sys.argv) > 4 else 'nb-double'
    with open(path, newline='', encoding='utf-8-sig') as f:
        rows = list(csv.DictReader(f))
    texts = [(r.get('title') or '') + ' ' + (r.get('abstract') or '') for r in rows]
    y = np.array([1 if (r.get(label_column) or '').strip() == '1' else 0 for r in rows])
    if model_name == 'elas-u4':
        vectorizer = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1, max_df=0.95)
    elif model_name == 'nb-double':
        vectorizer = TfidfVectorizer()
    else:
        sys.exit(f'unknown model {model_name!r}: nb-double or elas-u4')
    x = vectorizer.fit_transform(texts)
    orders = [simulate(x, y, s, k + 1, model_name) for k, s in enumerate(starts)]
    print(json.dumps({'rows': len(rows), 'orders': orders}))


main()
