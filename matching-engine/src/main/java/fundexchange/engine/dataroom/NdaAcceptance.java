package fundexchange.engine.dataroom;

/** The latest NDA version an investor accepted in one data room. */
public record NdaAcceptance(String investor, int version) {
}
