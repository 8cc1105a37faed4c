// The export's CSV rules: RFC 4180 quoting, CRLF, the BOM Excel needs for Chinese, and cells a
// spreadsheet would run as formulas turned into text.
import { describe, expect, it } from "vitest";
import { CSV_BOM, csvCell, csvDocument, csvRow } from "@/lib/leads/csv";

describe("csvCell", () => {
  it("leaves plain text and numbers as they are", () => {
    expect(csvCell("江门新能源有限公司")).toBe("江门新能源有限公司");
    expect(csvCell("Acme Ltd")).toBe("Acme Ltd");
    expect(csvCell(120.5)).toBe("120.5");
    expect(csvCell(0)).toBe("0");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(Number.NaN)).toBe("");
  });

  it("quotes commas, quotes and line breaks, doubling the quotes", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("line 1\nline 2")).toBe('"line 1\nline 2"');
    expect(csvCell("line 1\r\nline 2")).toBe('"line 1\r\nline 2"');
    expect(csvCell('"')).toBe('""""');
  });

  it("neutralises cells that start a formula: = + - @ tab and carriage return", () => {
    expect(csvCell("=1+2")).toBe("'=1+2");
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csvCell("+86 750 123")).toBe("'+86 750 123");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1:A9)")).toBe("'@SUM(A1:A9)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("\r=1")).toBe(`"'\r=1"`);
    expect(csvCell("=cmd|' /C calc'!A0,x")).toBe(`"'=cmd|' /C calc'!A0,x"`);
    // not at the start: harmless text
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell("user@example.cn")).toBe("user@example.cn");
  });
});

describe("csvRow and csvDocument", () => {
  it("joins cells with commas and ends every record with CRLF", () => {
    expect(csvRow(["a", 1, null, "b,c"])).toBe('a,1,,"b,c"\r\n');
  });

  it("starts with the UTF-8 byte-order mark, exactly once", () => {
    const doc = csvDocument(["编号", "公司"], [["JM-1", "江门,有限公司"], ["JM-2", "=1"]]);
    expect(doc).toBe('\uFEFF编号,公司\r\nJM-1,"江门,有限公司"\r\nJM-2,\'=1\r\n');
    const bytes = new TextEncoder().encode(doc);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(doc.indexOf(CSV_BOM, 1)).toBe(-1);
  });
});
