package com.twork.points.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The addresses a TCP port is listened on, read from the kernel ({@code /proc/net/tcp} and {@code tcp6}), so a test
 * can tell "loopback only" from "every interface" without needing a second network interface to connect from.
 */
public final class Listeners {
    private static final String LISTEN = "0A";

    private Listeners() {}

    /** Every local address with a listening socket on {@code port}, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}. */
    public static List<String> addressesListeningOn(int port) {
        List<String> addresses = new ArrayList<>();
        addresses.addAll(read(Path.of("/proc/net/tcp"), port));
        addresses.addAll(read(Path.of("/proc/net/tcp6"), port));
        return addresses;
    }

    private static List<String> read(Path table, int port) {
        if (!Files.exists(table)) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(table)) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length < 4 || !fields[0].endsWith(":") || !LISTEN.equals(fields[3])) {
                    continue;
                }
                String[] local = fields[1].split(":");
                if (Integer.parseInt(local[1], 16) == port) {
                    found.add(address(local[0]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** The kernel writes addresses as little-endian 32-bit words in hex. */
    private static String address(String hex) {
        if (hex.length() == 8) {
            long value = Long.parseLong(hex, 16);
            return (value & 0xff) + "." + (value >> 8 & 0xff) + "." + (value >> 16 & 0xff) + "." + (value >> 24 & 0xff);
        }
        StringBuilder address = new StringBuilder();
        for (int word = 0; word < 4; word++) {
            String w = hex.substring(word * 8, word * 8 + 8);
            for (int b = 3; b >= 0; b -= 2) {
                // each 32-bit word is little-endian: bytes 3,2 then 1,0 make two 16-bit groups
                address.append(address.isEmpty() ? "" : ":")
                        .append(w, b * 2, b * 2 + 2)
                        .append(w, (b - 1) * 2, (b - 1) * 2 + 2);
            }
        }
        return address.toString().toLowerCase(Locale.ROOT);
    }

    /** Whether every listener is on a loopback address (127.0.0.0/8, ::1, or IPv4 loopback mapped into IPv6). */
    public static boolean loopbackOnly(List<String> addresses) {
        return !addresses.isEmpty()
                && addresses.stream()
                        .allMatch(a -> a.startsWith("127.")
                                || a.equals("0000:0000:0000:0000:0000:0000:0000:0001")
                                || a.startsWith("0000:0000:0000:0000:0000:ffff:7f"));
    }
}
