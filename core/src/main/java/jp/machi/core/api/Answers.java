package jp.machi.core.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a resource method's success answer carries, for {@code /openapi} (ADR 0055): a method that
 * returns {@code jakarta.ws.rs.core.Response} says nothing about its body to the OpenAPI scanner,
 * which would document it as "Default Response: object". {@link ResponseSchemas} turns this into
 * the operation's response: {@link #status} with {@code application/json} in the schema of
 * {@link #value} (a {@link Page} of them when {@link #page}, an array when {@link #list}), and the
 * other media types the method {@code @Produces} (CSV, xlsx, PDF, ICS, images: {@link #media} where
 * the method does not declare them) as a string or binary. Every operation carries one; an answer
 * without a body names no {@link #value} ({@code @Answers(status = 204)}). A method that answers in two
 * ways carries two (a dry run's 200 and an import's 201); two of one status are either of the views.
 *
 * <pre>{@code
 * @GET @Answers(value = IndicatorView.class, page = true)        // a page of views (?format=csv too, from @Produces)
 * @POST @Answers(value = IndicatorView.class, status = 201)      // created, with its view
 * @DELETE @Answers(status = 204)                                  // no body
 * @GET @Path("{id}/sheet") @Answers(media = "application/pdf")   // a file, not JSON
 * @GET @Produces(Csv.MEDIA_TYPE) @Answers                        // a file in the type it @Produces
 * }</pre>
 *
 * <p>A JSON answer that is not a view of Machi's (the Open311 documents, built as maps) names
 * {@code Map.class}: an object whose members the {@link #description} explains.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Answers.Several.class)
public @interface Answers {

    /** The class whose JSON the answer is (a view); {@code Void} for an answer without a JSON body. */
    Class<?> value() default Void.class;

    /** A {@link Page} of {@link #value}: {@code items}, {@code page}, {@code size}, {@code totalItems}, … */
    boolean page() default false;

    /** A JSON array of {@link #value}. */
    boolean list() default false;

    /** The success status: 200, 201 for a create, 202, 204 for no body, 303 for a redirect. */
    int status() default 200;

    /**
     * The media types other than JSON the answer comes in, where the method's {@code @Produces} does not
     * name them (a file whose type the method sets itself); empty: those of {@code @Produces}.
     */
    String[] media() default {};

    /** What the answer is, when more than its status says (Japanese / English). */
    String description() default "";

    /** The answers of a method that answers in more than one way. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface Several {
        Answers[] value();
    }
}
