package com.twork.points.ops.control;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object per line: {@code ts} (ISO-8601 UTC), {@code level}, {@code event} (the logging class),
 * {@code message}, {@code request_id} when the line belongs to a request, {@code thread}, and {@code error}
 * (type, message and stack) when there is one. Our code never puts secrets in messages; this only formats.
 */
public class JsonLogFormatter extends Formatter {
    private static final DateTimeFormatter TS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(256).append('{');
        field(line, "ts", TS.format(Instant.ofEpochMilli(record.getMillis()))).append(',');
        field(line, "level", record.getLevel().getName()).append(',');
        field(line, "event", shortName(record.getLoggerName())).append(',');
        field(line, "message", formatMessage(record));
        String requestId = LogContext.requestId();
        if (requestId != null) {
            line.append(',');
            field(line, "request_id", requestId);
        }
        line.append(',');
        field(line, "thread", Thread.currentThread().getName());
        if (record.getThrown() != null) {
            StringWriter stack = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(stack));
            line.append(',');
            field(line, "error", stack.toString());
        }
        return line.append("}\n").toString();
    }

    private static String shortName(String logger) {
        if (logger == null) {
            return "unknown";
        }
        int dot = logger.lastIndexOf('.');
        return dot < 0 ? logger : logger.substring(dot + 1);
    }

    private static StringBuilder field(StringBuilder line, String name, String value) {
        line.append('"').append(name).append("\":\"");
        String text = value == null ? "" : value;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (c < 0x20) {
                        line.append(String.format("\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        return line.append('"');
    }
}
