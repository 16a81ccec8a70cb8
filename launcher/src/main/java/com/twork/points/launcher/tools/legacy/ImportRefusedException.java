package com.twork.points.launcher.tools.legacy;

/** The import will not run (the target is not fresh, the source differs or cannot be read as a legacy database). */
public class ImportRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ImportRefusedException(String message) {
        super(message);
    }
}
