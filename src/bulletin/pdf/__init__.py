"""PDF input (the ``pdf`` extra): text and layout read from the pages, for the parser and for provenance."""

from bulletin.pdf.reader import PDF_MAGIC, PdfText, is_pdf, parse_pages, read_pdf

__all__ = ["PDF_MAGIC", "PdfText", "is_pdf", "parse_pages", "read_pdf"]
