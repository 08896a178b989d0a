package org.fieldscore.runner.output;

/**
 * Thrown when an output path would lead outside the run's output folder: an absolute path, a path with
 * {@code ..} segments that climb above the folder, or a path through a symbolic link that points out of it.
 *
 * <p>It is an {@link IllegalArgumentException} because the path comes from the user's scenario: the command line
 * reports it as invalid input.
 */
public final class OutputPathException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String path;

    /**
     * @param path the path as given
     * @param reason why it was refused, including what would be valid
     */
    public OutputPathException(String path, String reason) {
        super("output path '" + path + "' is refused: " + reason);
        this.path = path;
    }

    /** @return the refused path as it was given */
    public String path() {
        return path;
    }
}
