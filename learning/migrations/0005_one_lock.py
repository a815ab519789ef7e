from django.db import migrations, models


class Migration(migrations.Migration):
    """Learning questions take the same optimistic lock as sheets: `revision` becomes
    `version`."""

    dependencies = [
        ("learning", "0004_changed_since_review"),
    ]

    operations = [
        migrations.RenameField(
            model_name="learningquestion", old_name="revision", new_name="version"
        ),
        migrations.RenameField(
            model_name="historicallearningquestion", old_name="revision", new_name="version"
        ),
        migrations.AlterField(
            model_name="learningquestion",
            name="version",
            field=models.PositiveIntegerField(default=1, editable=False, verbose_name="version"),
        ),
        migrations.AlterField(
            model_name="historicallearningquestion",
            name="version",
            field=models.PositiveIntegerField(default=1, editable=False, verbose_name="version"),
        ),
    ]
