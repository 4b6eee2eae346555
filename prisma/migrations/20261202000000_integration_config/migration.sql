-- AlterTable
ALTER TABLE "Integration" ADD COLUMN     "config" JSONB NOT NULL DEFAULT '{}';
