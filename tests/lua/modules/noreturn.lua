side_effect = "done"
