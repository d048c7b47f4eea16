from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_translatable_labels"),
    ]

    operations = [
        migrations.RenameField(
            model_name="contentversion",
            old_name="next_publication",
            new_name="next_change",
        ),
    ]
