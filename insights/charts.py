"""Geometry of the horizontal bar charts, computed here so the template only draws."""

ROW_HEIGHT = 44
WIDTH = 640
BAR_WIDTH = 520  # room for the value right of the longest bar


def bar_layout(rows, total):
    """Each row (with .label, .count, .suppressed) with its bar's y and width; the label
    sits above the bar. Suppressed rows get no bar and no share."""
    maximum = max((r.count for r in rows if not r.suppressed), default=0) or 1
    laid_out = []
    for i, row in enumerate(rows):
        top = i * ROW_HEIGHT
        width = 0 if row.suppressed else round(BAR_WIDTH * row.count / maximum, 1)
        laid_out.append(
            {
                "row": row,
                "label_y": top + 15,
                "bar_y": top + 21,
                "bar_width": width,
                "value_x": width + 6,
                "value_y": top + 35,
                "percent": None if row.suppressed else row.percent(total),
            }
        )
    return {"rows": laid_out, "width": WIDTH, "height": max(ROW_HEIGHT * len(rows), ROW_HEIGHT)}
