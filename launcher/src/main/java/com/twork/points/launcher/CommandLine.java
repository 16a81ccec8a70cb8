package com.twork.points.launcher;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The grammar of {@code ./twork}: a table of commands, each with its options, from which both the help text and
 * the validation of the arguments come, so a command is described in one place.
 */
public final class CommandLine {
    private static final int SUMMARY_COLUMN = 48;
    private static final int SUMMARY_INDENT = 8;

    private CommandLine() {}

    /** What a command does once its arguments are valid; returns the exit code. */
    @FunctionalInterface
    public interface Action {
        int run(Arguments arguments, PrintStream out) throws Exception;
    }

    /** How an option takes its value. */
    public enum Kind {
        FLAG,
        TEXT,
        NUMBER,
        NUMBERS,
        CHOICE
    }

    /**
     * One option ({@code --name}) or the command's operand (a bare word, its name the placeholder): a flag, free
     * text, a whole number of at least {@code min}, a comma-separated list of such numbers, or one of
     * {@code choices}.
     */
    public record Option(
            String name,
            Kind kind,
            String placeholder,
            boolean mandatory,
            long min,
            List<String> choices,
            String help) {
        public static Option flag(String name, String help) {
            return new Option(name, Kind.FLAG, "", false, 0, List.of(), help);
        }

        public static Option text(String name, String placeholder, String help) {
            return new Option(name, Kind.TEXT, placeholder, false, 0, List.of(), help);
        }

        public static Option number(String name, String placeholder, long min, String help) {
            return new Option(name, Kind.NUMBER, placeholder, false, min, List.of(), help);
        }

        public static Option numbers(String name, String placeholder, long min, String help) {
            return new Option(name, Kind.NUMBERS, placeholder, false, min, List.of(), help);
        }

        public static Option choice(String name, List<String> choices, String help) {
            return new Option(name, Kind.CHOICE, String.join("|", choices), false, 0, choices, help);
        }

        public Option required() {
            return new Option(name, kind, placeholder, true, min, choices, help);
        }

        boolean isOperand() {
            return !name.startsWith("-");
        }

        String synopsis() {
            String word = isOperand() ? name : kind == Kind.FLAG ? name : name + " " + placeholder;
            return mandatory ? word : "[" + word + "]";
        }

        String check(String value) {
            switch (kind) {
                case NUMBER -> number(value);
                case NUMBERS -> Arrays.stream(value.split(",", -1)).forEach(part -> number(part.trim()));
                case CHOICE -> {
                    if (!choices.contains(value)) {
                        throw new UsageException(
                                name + " must be one of " + String.join(", ", choices) + ", not '" + value + "'.");
                    }
                }
                default -> {}
            }
            return value;
        }

        private long number(String value) {
            long number;
            try {
                number = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new UsageException(name + " needs a whole number, not '" + value + "'.");
            }
            if (number < min) {
                throw new UsageException(name + " must be at least " + min + ", not " + number + ".");
            }
            return number;
        }
    }

    /** One command: its words ({@code key create}), what it does in one line, its options and its action. */
    public record Command(String name, String summary, List<Option> options, Action action) {
        public static Command of(String name, String summary, Action action, Option... options) {
            return new Command(name, summary, List.of(options), action);
        }

        public String synopsis() {
            return "./twork " + name
                    + options.stream().map(option -> " " + option.synopsis()).collect(Collectors.joining());
        }

        /** The synopsis, then the summary: beside it when there is room, else on the next line. */
        String usageLine() {
            String synopsis = "  " + synopsis();
            return synopsis.length() < SUMMARY_COLUMN
                    ? synopsis + " ".repeat(SUMMARY_COLUMN - synopsis.length()) + summary
                    : synopsis + System.lineSeparator() + " ".repeat(SUMMARY_INDENT) + summary;
        }

        /** What {@code ./twork NAME --help} prints: the synopsis, the summary and one line per option. */
        public String help() {
            List<String> lines = new ArrayList<>(List.of("Usage: " + synopsis(), "", summary));
            if (!options.isEmpty()) {
                lines.add("");
                for (Option option : options) {
                    String word = option.isOperand() || option.kind() == Kind.FLAG
                            ? option.name()
                            : option.name() + " " + option.placeholder();
                    lines.add("  " + word + " ".repeat(Math.max(2, 36 - word.length())) + option.help());
                }
            }
            return String.join(System.lineSeparator(), lines);
        }

        /** Checks the words after the command's name against its options; {@link UsageException} if they do not fit. */
        public Arguments parse(List<String> words) {
            Map<String, Option> byName = new HashMap<>();
            Optional<Option> operand = Optional.empty();
            for (Option option : options) {
                if (option.isOperand()) {
                    operand = Optional.of(option);
                } else {
                    byName.put(option.name(), option);
                }
            }
            Map<String, String> values = new LinkedHashMap<>();
            List<String> rest = new ArrayList<>(words);
            while (!rest.isEmpty()) {
                String word = rest.remove(0);
                Option option = byName.get(word);
                if (option == null && !word.startsWith("-") && operand.isPresent()) {
                    option = operand.get();
                    rest.add(0, word);
                }
                if (option == null) {
                    throw new UsageException(
                            word.startsWith("-")
                                    ? "Unknown option for ./twork " + name + ": " + word
                                    : "Unexpected argument for ./twork " + name + ": " + word,
                            this);
                }
                if (values.containsKey(option.name())) {
                    throw new UsageException(option.name() + " is given twice.", this);
                }
                if (option.kind() == Kind.FLAG) {
                    values.put(option.name(), "");
                } else if (rest.isEmpty() || (!option.isOperand() && byName.containsKey(rest.get(0)))) {
                    throw new UsageException(option.name() + " needs a value.", this);
                } else {
                    values.put(option.name(), checked(option, rest.remove(0)));
                }
            }
            for (Option option : options) {
                if (option.mandatory() && !values.containsKey(option.name())) {
                    throw new UsageException(option.name() + " is required.", this);
                }
            }
            return new Arguments(this, values, List.copyOf(words));
        }

        private String checked(Option option, String value) {
            try {
                return option.check(value);
            } catch (UsageException e) {
                throw new UsageException(e.getMessage(), this);
            }
        }
    }

    /** The valid arguments of one command, by option name (the operand under its placeholder). */
    public record Arguments(Command command, Map<String, String> values, List<String> words) {
        public boolean flag(String name) {
            return values.containsKey(name);
        }

        public Optional<String> text(String name) {
            return Optional.ofNullable(values.get(name));
        }

        public String text(String name, String otherwise) {
            return values.getOrDefault(name, otherwise);
        }

        public long number(String name, long otherwise) {
            return text(name).map(Long::parseLong).orElse(otherwise);
        }

        /** The given values, for a command that reads them by name itself. */
        public Map<String, String> given() {
            return values;
        }
    }

    /** Wrong usage (exit code 2): the message, then the usage of the commands it concerns (none: all of them). */
    public static final class UsageException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final transient List<Command> about;

        public UsageException(String message) {
            this(message, List.of(), null);
        }

        public UsageException(String message, Command about) {
            this(message, List.of(about), null);
        }

        public UsageException(String message, List<Command> about, Throwable cause) {
            super(message, cause);
            this.about = List.copyOf(about);
        }

        public List<Command> about() {
            return about;
        }
    }
}
