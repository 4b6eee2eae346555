-- AlterTable
ALTER TABLE "IntegrationSync" ADD COLUMN     "heartbeatAt" TIMESTAMP(3),
ADD COLUMN     "startedAt" TIMESTAMP(3),
ALTER COLUMN "status" SET DEFAULT 'queued';
