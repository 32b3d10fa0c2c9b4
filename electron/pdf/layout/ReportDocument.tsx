import type { ReactNode } from 'react';
import { Document } from '@react-pdf/renderer';

export interface ReportDocumentProps {
  /** Title in the PDF's properties, e.g. « Fiche d'identité de la CPTS — CPTS du Grésivaudan ». */
  title: string;
  /** Author in the PDF's properties: the CPTS or the association. */
  author: string;
  /** Subject in the PDF's properties: the kind of report. */
  subject: string;
  children?: ReactNode;
}

/** The PDF document of a report: its properties, written by Maillage, in French. */
export function ReportDocument({ title, author, subject, children }: ReportDocumentProps) {
  return (
    <Document title={title} author={author} subject={subject} creator="Maillage" producer="Maillage" language="fr-FR">
      {children}
    </Document>
  );
}
