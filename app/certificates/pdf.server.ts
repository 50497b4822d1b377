import PDFDocument from "pdfkit";
import QRCode from "qrcode";

export type PaperSize = "A4" | "LETTER";

export interface CertificateText {
  heading: string;
  certifies: string;
  holder: string;
  completed: string;
  course: string;
  details: string[];
  verifyLine: string;
  codeLine: string;
  verifyUrl: string;
  title: string;
}

/**
 * The printable certificate: landscape A4 or Letter, the holder and course large, and a QR code
 * for the verification page with its address and the code written out (for paper copies).
 * Uses PDF's standard Helvetica, whose encoding covers Spanish and Portuguese accents.
 */
export async function certificatePdf(text: CertificateText, size: PaperSize): Promise<Buffer> {
  const qr = await QRCode.toBuffer(text.verifyUrl, { errorCorrectionLevel: "M", margin: 1, width: 300 });
  const doc = new PDFDocument({ size, layout: "landscape", margin: 56, info: { Title: text.title, Author: "Sendero", Subject: text.course } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const { width, height } = doc.page;
  const inner = width - 112;
  doc.lineWidth(3).strokeColor("#0b5a63").rect(28, 28, width - 56, height - 56).stroke();
  doc.fillColor("#0b5a63").font("Helvetica-Bold").fontSize(30).text(text.heading, 56, 80, { width: inner, align: "center" });
  doc.fillColor("#1b1f23").font("Helvetica").fontSize(14).text(text.certifies, { width: inner, align: "center" }).moveDown(0.6);
  doc.font("Helvetica-Bold").fontSize(26).text(text.holder, { width: inner, align: "center" }).moveDown(0.6);
  doc.font("Helvetica").fontSize(14).text(text.completed, { width: inner, align: "center" }).moveDown(0.4);
  doc.font("Helvetica-Bold").fontSize(18).text(text.course, { width: inner, align: "center" }).moveDown(1);
  doc.font("Helvetica").fontSize(12);
  for (const line of text.details) doc.text(line, { width: inner, align: "center" });
  const qrSize = 110;
  doc.image(qr, width - 56 - qrSize, height - 56 - qrSize - 10, { width: qrSize, height: qrSize });
  doc.fontSize(10).fillColor("#4a535c");
  doc.text(text.verifyLine, 56, height - 56 - 52, { width: inner - qrSize - 20 });
  doc.text(text.verifyUrl, { width: inner - qrSize - 20, link: text.verifyUrl, underline: true });
  doc.text(text.codeLine, { width: inner - qrSize - 20 });
  doc.end();
  return done;
}
