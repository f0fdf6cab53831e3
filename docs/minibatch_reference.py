#!/usr/bin/env python3
"""Reproduce a Descent run on a loss from data, from the data CSV and the seed, with NumPy only.

    python3 docs/minibatch_reference.py DATA.csv --model linear|logistic|tanh \
        --lr 0.1 --steps 50 --start=-1,2 [--batch-size B --seed S]

Prints step,x,y,loss[,batch_loss,epoch] as `descent trace -o sgd -p lr=... --data MODEL --data-file DATA.csv
--start ... [--batch-size B --seed S]` does. Without --batch-size the run is full-batch gradient descent.
The sampling is documented in docs/minibatch.md; this script is its executable form.
"""
import argparse
import math
import sys

import numpy as np

MASK = (1 << 64) - 1


class SplitMix64:
    """SplitMix64, exactly as dev.descent.math.SplitMix64."""

    def __init__(self, seed):
        self.state = seed & MASK

    def next_long(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def uniform(self):
        return (self.next_long() >> 11) * 2.0 ** -53

    def below(self, k):
        return int(self.uniform() * k)


def read_csv(path):
    with open(path) as f:
        lines = [l.strip() for l in f if l.strip() and not l.strip().startswith("#")]
    header = lines[0].replace(" ", "").lower()
    rows = np.array([[float(v) for v in l.split(",")] for l in lines[1:]], dtype=np.float64)
    if header == "x,y":
        return rows[:, 0], np.zeros(len(rows)), rows[:, 1]
    return rows[:, 0], rows[:, 1], rows[:, 2]


def sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def loss_and_grad(model, a, b, x1, x2, y):
    """Mean loss and mean gradient over the given points (the model's formulas in docs/minibatch.md)."""
    if model == "linear":
        r = a * x1 + b - y
        return np.mean(r * r), np.array([np.mean(2 * r * x1), np.mean(2 * r)])
    if model == "logistic":
        z = a * x1 + b * x2
        d = sigmoid(z) - y
        ell = np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z))) - y * z
        return np.mean(ell), np.array([np.mean(d * x1), np.mean(d * x2)])
    t = np.tanh(a * x1)
    r = b * t - y
    return np.mean(r * r), np.array([np.mean(2 * r * b * x1 * (1 - t * t)), np.mean(2 * r * t)])


def full_loss(model, theta, x1, x2, y):
    return loss_and_grad(model, theta[0], theta[1], x1, x2, y)[0]


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("data")
    p.add_argument("--model", required=True, choices=["linear", "logistic", "tanh"])
    p.add_argument("--lr", type=float, required=True)
    p.add_argument("--steps", type=int, default=100)
    p.add_argument("--start", required=True, help="X,Y")
    p.add_argument("--batch-size", type=int)
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args()

    x1, x2, y = read_csv(args.data)
    n = len(y)
    theta = np.array([float(v) for v in args.start.split(",")])
    batched = args.batch_size is not None and args.batch_size < n
    out = sys.stdout
    out.write("step,x,y,loss" + (",batch_loss,epoch" if batched else "") + "\n")
    out.write("0,%r,%r,%r%s\n" % (float(theta[0]), float(theta[1]), float(full_loss(args.model, theta, x1, x2, y)),
                                   ",," if batched else ""))

    rng = SplitMix64(args.seed)
    perm = np.arange(n)
    position, epoch = n, -1
    for step in range(1, args.steps + 1):
        if batched:
            if position >= n:                       # a new epoch: shuffle 0..N-1 afresh
                perm = list(range(n))
                for i in range(n - 1, 0, -1):       # Fisher-Yates, from the end
                    j = rng.below(i + 1)
                    perm[i], perm[j] = perm[j], perm[i]
                perm = np.array(perm)
                position, epoch = 0, epoch + 1
            idx = perm[position:min(position + args.batch_size, n)]
            position += len(idx)
            batch_loss, g = loss_and_grad(args.model, theta[0], theta[1], x1[idx], x2[idx], y[idx])
        else:
            _, g = loss_and_grad(args.model, theta[0], theta[1], x1, x2, y)
        theta = theta - args.lr * g               # torch.optim.SGD without momentum
        f = full_loss(args.model, theta, x1, x2, y)
        if not (math.isfinite(theta[0]) and math.isfinite(theta[1]) and math.isfinite(f)):
            break
        out.write("%d,%r,%r,%r" % (step, float(theta[0]), float(theta[1]), float(f)))
        out.write(",%r,%d\n" % (float(batch_loss), epoch) if batched else "\n")


if __name__ == "__main__":
    main()
