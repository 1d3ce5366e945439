-- CreateTable
CREATE TABLE "rate_limits" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "rate_limits_by_expiry_idx" ON "rate_limits"("expire");

-- CreateIndex
CREATE INDEX "change_events_by_age_idx" ON "change_events"("created_at");

-- CreateIndex
CREATE INDEX "login_attempts_by_age_idx" ON "login_attempts"("created_at");

-- CreateIndex
CREATE INDEX "sessions_by_expiry_idx" ON "sessions"("expires_at");

-- CreateIndex
CREATE INDEX "webhook_deliveries_by_age_idx" ON "webhook_deliveries"("created_at");
