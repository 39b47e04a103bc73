package fundexchange.documents.pdf;

/** Why a PDF is refused, with the sentence a person reads, in English and Chinese. */
public enum PdfRefusal {
    TOO_LARGE("the file exceeds the size limit", "文件超过大小上限"),
    NOT_A_PDF("the file is not a readable PDF", "文件不是可读取的 PDF"),
    ENCRYPTED("the PDF is encrypted", "PDF 已加密"),
    JAVASCRIPT("the PDF carries JavaScript", "PDF 含有 JavaScript"),
    EMBEDDED_FILE("the PDF carries an embedded file", "PDF 含有嵌入文件"),
    LAUNCH_ACTION("the PDF carries an action that opens an application, a file or a web address", "PDF 含有打开程序、文件或网址的动作"),
    XFA("the PDF carries an XFA form", "PDF 含有 XFA 表单"),
    TOO_MANY_PAGES("the PDF exceeds the page limit", "PDF 超过页数上限"),
    TOO_MANY_OBJECTS("the PDF exceeds the object limit", "PDF 超过对象数上限"),
    DECOMPRESSION_LIMIT("the PDF's streams decompress beyond the limit", "PDF 的数据流解压后超过上限"),
    UNSUPPORTED_FILTER("the PDF uses a stream encoding that is not accepted", "PDF 使用了不被接受的数据流编码");

    private final String english;
    private final String chinese;

    PdfRefusal(String english, String chinese) {
        this.english = english;
        this.chinese = chinese;
    }

    /** The reason in English. */
    public String english() {
        return english;
    }

    /** The reason in Chinese. */
    public String chinese() {
        return chinese;
    }
}
