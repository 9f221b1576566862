# The metafor side of bench/meta/run.mjs: Rscript metafor.R TASK file.csv CONTROL  → JSON on stdout.
# CONTROL "defaults": rma() as its users run it (threshold 1e-5, maxiter 100, stepadj 1: metafor's own defaults).
# CONTROL "precise":  the precision ExoAtlas gives by default (tau^2 iterated to 1e-12 with the full Fisher step).
suppressMessages({ library(metafor); library(jsonlite) })
args <- commandArgs(TRUE); task <- args[1]; d <- read.csv(args[2]); mode <- if (length(args) >= 3) args[3] else "defaults"
ctrl <- if (mode == "precise") list(threshold = 1e-12, maxiter = 10000, stepadj = 1) else list()
smd <- function(d) escalc("SMD", m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i, data = d)
out <- switch(task,
  loo = {
    res <- rma(yi, vi, data = smd(d), control = ctrl); l <- leave1out(res)
    list(estimate = res$beta[1], tau2 = res$tau2, looEstimate = l$estimate, looTau2 = l$tau2)
  },
  reml = {
    res <- rma(yi, vi, data = smd(d), control = ctrl)
    list(estimate = res$beta[1], se = res$se, tau2 = res$tau2, i2 = res$I2, q = res$QE)
  },
  perm = {
    res <- rma(yi, vi, mods = ~ dose, data = d, control = ctrl)
    p <- permutest(res, iter = 1000, seed = 42, progbar = FALSE)
    list(estimate = res$beta[1], tau2 = res$tau2, permPval = p$pval, permQMp = p$QMp)
  })
cat(toJSON(lapply(out, as.numeric), digits = NA, auto_unbox = TRUE))
