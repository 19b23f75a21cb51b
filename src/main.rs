fn main() {
    once_sent::ui::start();
}
