-- AlterTable
ALTER TABLE "articles" ADD COLUMN     "language" TEXT;
