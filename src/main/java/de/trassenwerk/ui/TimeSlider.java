package de.trassenwerk.ui;

import de.trassenwerk.i18n.Messages;
import de.trassenwerk.store.AttributeFilter;
import de.trassenwerk.store.Feature;
import de.trassenwerk.store.FeatureStore;
import de.trassenwerk.store.Query;
import de.trassenwerk.store.WorksPeriod;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Duration;
import org.controlsfx.control.RangeSlider;

/**
 * The construction-site time filter: a bar with a month range slider over the works' dates, date
 * pickers for exact days, and a play button that moves the range month by month. Reports each
 * chosen {@link WorksPeriod} to its listener (the map then shows the works that are on at any time
 * in it). FX thread only; the works' first and last dates are read on a worker.
 */
public final class TimeSlider extends HBox {
    private static final Duration STEP = Duration.millis(900);

    private final RangeSlider months = new RangeSlider(0, 1, 0, 1);
    private final DatePicker fromPicker = new DatePicker();
    private final DatePicker toPicker = new DatePicker();
    private final Button play = new Button("▶");
    private final Label shown = new Label();
    private final Timeline player = new Timeline(new KeyFrame(STEP, e -> stepMonth()));
    private Consumer<WorksPeriod> onChange = p -> { };
    private YearMonth firstMonth = YearMonth.now();
    private WorksPeriod period;
    private boolean updating;

    public TimeSlider() {
        setId("timeSlider");
        getStyleClass().add("time-slider");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        Label title = new Label(Messages.get("ui.time.title"));
        title.getStyleClass().add("pane-title");
        months.setId("timeRange");
        months.setShowTickMarks(true);
        months.setMajorTickUnit(12);
        months.setMinorTickCount(11);
        months.setSnapToTicks(true);
        months.setBlockIncrement(1);
        HBox.setHgrow(months, Priority.ALWAYS);
        months.setTooltip(new Tooltip(Messages.get("ui.time.range.tooltip")));
        months.lowValueProperty().addListener((o, was, now) -> monthsMoved());
        months.highValueProperty().addListener((o, was, now) -> monthsMoved());
        fromPicker.setId("timeFrom");
        toPicker.setId("timeTo");
        for (DatePicker p : List.of(fromPicker, toPicker)) {
            p.setPrefWidth(130);
            p.valueProperty().addListener((o, was, now) -> datesPicked());
        }
        fromPicker.setTooltip(new Tooltip(Messages.get("ui.time.from.tooltip")));
        toPicker.setTooltip(new Tooltip(Messages.get("ui.time.to.tooltip")));
        play.setId("timePlay");
        play.setTooltip(new Tooltip(Messages.get("ui.time.play.tooltip")));
        play.setOnAction(e -> togglePlay());
        player.setCycleCount(Timeline.INDEFINITE);
        shown.setId("timeShown");
        shown.setMinWidth(170);
        getChildren().addAll(title, fromPicker, months, toPicker, play, shown);
    }

    /** Called with each new period the user chooses. */
    public void setOnChange(Consumer<WorksPeriod> handler) {
        onChange = handler == null ? p -> { } : handler;
    }

    /** The period shown now. */
    public WorksPeriod period() {
        return period;
    }

    /**
     * Spans the slider over the dates of {@code layer}'s works in {@code store} (read on a worker
     * through {@code work}), then selects {@code initial} or, when null, the month of {@code today}.
     */
    public void load(FeatureStore store, String layer, BackgroundWork work, WorksPeriod initial, LocalDate today) {
        Task<LocalDate[]> task = new Task<>() {
            @Override
            protected LocalDate[] call() {
                updateTitle(Messages.get("ui.time.loading"));
                return new LocalDate[] {edge(store, layer, "start_date", true), edge(store, layer, "end_date", false)};
            }
        };
        task.setOnSucceeded(e -> {
            LocalDate first = task.getValue()[0] == null ? today : task.getValue()[0];
            LocalDate last = task.getValue()[1] == null ? first.plusYears(1) : task.getValue()[1];
            span(YearMonth.from(first), YearMonth.from(last.isBefore(first) ? first : last));
            WorksPeriod p = initial != null ? initial
                    : new WorksPeriod(YearMonth.from(today).atDay(1), YearMonth.from(today).atEndOfMonth());
            select(p);
        });
        work.run("time-range", task);
    }

    /** The earliest (or latest) non-empty date in {@code field}; null when there is none. */
    private static LocalDate edge(FeatureStore store, String layer, String field, boolean earliest) {
        Query q = Query.where(new AttributeFilter.Not(new AttributeFilter.IsNull(field)))
                .withFields(List.of(field), false).orderedBy(field, earliest).page(0, 1);
        List<Feature> one = store.read(layer, q);
        return one.isEmpty() ? null : LocalDate.parse(one.get(0).getString(field).substring(0, 10));
    }

    /** Lets the slider run from {@code first} to {@code last}, a tick per month. */
    void span(YearMonth first, YearMonth last) {
        updating = true;
        firstMonth = first;
        months.setMin(0);
        months.setMax(Math.max(1, first.until(last, ChronoUnit.MONTHS)));
        months.setLowValue(0);
        months.setHighValue(months.getMax());
        updating = false;
    }

    /** Shows {@code p} and reports it. */
    public void select(WorksPeriod p) {
        updating = true;
        months.setHighValue(months.getMax());
        months.setLowValue(monthIndex(p.from()));
        months.setHighValue(monthIndex(p.to()));
        fromPicker.setValue(p.from());
        toPicker.setValue(p.to());
        updating = false;
        publish(p);
    }

    private double monthIndex(LocalDate d) {
        return Math.max(months.getMin(), Math.min(months.getMax(), firstMonth.until(YearMonth.from(d), ChronoUnit.MONTHS)));
    }

    private void monthsMoved() {
        if (updating) {
            return;
        }
        YearMonth low = firstMonth.plusMonths(Math.round(months.getLowValue()));
        YearMonth high = firstMonth.plusMonths(Math.round(months.getHighValue()));
        WorksPeriod p = new WorksPeriod(low.atDay(1), high.atEndOfMonth());
        updating = true;
        fromPicker.setValue(p.from());
        toPicker.setValue(p.to());
        updating = false;
        publish(p);
    }

    private void datesPicked() {
        if (updating || fromPicker.getValue() == null || toPicker.getValue() == null) {
            return;
        }
        LocalDate from = fromPicker.getValue();
        LocalDate to = toPicker.getValue().isBefore(from) ? from : toPicker.getValue();
        select(new WorksPeriod(from, to));
    }

    private void publish(WorksPeriod p) {
        if (p.equals(period)) {
            return;
        }
        period = p;
        shown.setText(Messages.get("ui.time.shown", p.from(), p.to()));
        onChange.accept(p);
    }

    private void togglePlay() {
        if (player.getStatus() == javafx.animation.Animation.Status.RUNNING) {
            stop();
        } else {
            if (months.getHighValue() >= months.getMax()) { // at the end: start over from the beginning
                double width = months.getHighValue() - months.getLowValue();
                updating = true;
                months.setLowValue(0);
                months.setHighValue(width);
                updating = false;
                monthsMoved();
            }
            play.setText("⏸");
            player.play();
        }
    }

    /** Stops playing. */
    public void stop() {
        player.stop();
        play.setText("▶");
    }

    /** Moves the range one month on; stops at the end. */
    void stepMonth() {
        if (months.getHighValue() + 1 > months.getMax()) {
            stop();
            return;
        }
        updating = true;
        months.setHighValue(months.getHighValue() + 1);
        months.setLowValue(months.getLowValue() + 1);
        updating = false;
        monthsMoved();
    }
}
