"""Writes torch_lr.csv: the learning rate each optimizer step uses under torch's own schedulers.

Run with torch 1.13.1 (Debian 12's python3-torch 1.13.1+dfsg-4, which reports itself as 1.13.0a0):
    /usr/bin/python3 generate.py
Each row: case id (commas in it written as spaces), then the lr of optimizer steps 1..300 (the lr read before each step), as repr().
"""
import warnings

import torch
from torch.optim import lr_scheduler as s

warnings.filterwarnings("ignore")
STEPS = 300

CASES = [
    ("StepLR(100,0.5)@0.05", 0.05, lambda o: s.StepLR(o, 100, 0.5)),
    ("StepLR(7,0.9)@0.3", 0.3, lambda o: s.StepLR(o, 7, 0.9)),
    ("StepLR(1,0.97)@1.0", 1.0, lambda o: s.StepLR(o, 1, 0.97)),
    ("MultiStepLR([30,80],0.1)@0.1", 0.1, lambda o: s.MultiStepLR(o, [30, 80], 0.1)),
    ("MultiStepLR([0,1,50,150,299],0.7)@0.02", 0.02, lambda o: s.MultiStepLR(o, [0, 1, 50, 150, 299], 0.7)),
    ("ExponentialLR(0.99)@0.05", 0.05, lambda o: s.ExponentialLR(o, 0.99)),
    ("ExponentialLR(0.9)@1.0", 1.0, lambda o: s.ExponentialLR(o, 0.9)),
    ("ExponentialLR(1.01)@0.003", 0.003, lambda o: s.ExponentialLR(o, 1.01)),
    ("CosineAnnealingLR(100,0.001)@0.1", 0.1, lambda o: s.CosineAnnealingLR(o, 100, 0.001)),
    ("CosineAnnealingLR(100,0)@0.05", 0.05, lambda o: s.CosineAnnealingLR(o, 100, 0)),
    ("CosineAnnealingLR(37,0.2)@0.9", 0.9, lambda o: s.CosineAnnealingLR(o, 37, 0.2)),
    ("CosineAnnealingLR(1,0.01)@0.1", 0.1, lambda o: s.CosineAnnealingLR(o, 1, 0.01)),
    ("CosineAnnealingWarmRestarts(50,1,0.001)@0.1", 0.1, lambda o: s.CosineAnnealingWarmRestarts(o, 50, 1, 0.001)),
    ("CosineAnnealingWarmRestarts(10,2,0)@0.05", 0.05, lambda o: s.CosineAnnealingWarmRestarts(o, 10, 2, 0)),
    ("CosineAnnealingWarmRestarts(3,3,0.02)@0.3", 0.3, lambda o: s.CosineAnnealingWarmRestarts(o, 3, 3, 0.02)),
    ("LinearLR(1/3,1,5)@0.05", 0.05, lambda o: s.LinearLR(o, 1.0 / 3, 1.0, 5)),
    ("LinearLR(0.01,1,250)@0.2", 0.2, lambda o: s.LinearLR(o, 0.01, 1.0, 250)),
    ("LinearLR(1,0.5,100)@0.1", 0.1, lambda o: s.LinearLR(o, 1.0, 0.5, 100)),
    ("PolynomialLR(5,1)@0.05", 0.05, lambda o: s.PolynomialLR(o, 5, 1.0)),
    ("PolynomialLR(200,2)@0.1", 0.1, lambda o: s.PolynomialLR(o, 200, 2.0)),
    ("PolynomialLR(290,0.9)@0.01", 0.01, lambda o: s.PolynomialLR(o, 290, 0.9)),
    ("LambdaLR(warmup 20)@0.05", 0.05, lambda o: s.LambdaLR(o, lambda e: min(1.0, (e + 1) / 20))),
    ("LambdaLR(warmup 1)@0.3", 0.3, lambda o: s.LambdaLR(o, lambda e: min(1.0, (e + 1) / 1))),
    ("LambdaLR(warmup 299)@0.01", 0.01, lambda o: s.LambdaLR(o, lambda e: min(1.0, (e + 1) / 299))),
]

with open("torch_lr.csv", "w") as out:
    out.write("# torch " + torch.__version__ + "; lr of optimizer steps 1.." + str(STEPS) + "\n")
    for name, base, make in CASES:
        p = torch.zeros(2, dtype=torch.float64, requires_grad=True)
        opt = torch.optim.SGD([p], lr=base)
        sched = make(opt)
        lrs = []
        for _ in range(STEPS):
            lrs.append(repr(float(opt.param_groups[0]["lr"])))
            opt.step()
            sched.step()
        out.write(name.replace(",", " ") + "," + ",".join(lrs) + "\n")
