-- AlterTable
ALTER TABLE "articles" ADD COLUMN     "dateline" TEXT;
